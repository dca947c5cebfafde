package com.kcm.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.dealer.DealerCatalog;
import com.kcm.shared.TimeConfig;

/**
 * Demo statements (README): the previous month is computed for every demo dealer and drafted; the statements of
 * D0001 and D0002 are published, so dealer.d0001 can read and appeal its statement and the manager has drafts to
 * publish. Runs after the other demo data, only when there is no statement yet and the demo dealers exist.
 */
@Component
@Order(50)
class StatementDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(StatementDemoData.class);

	private final Statements statements;
	private final StatementQueries queries;
	private final AssessmentComputation computation;
	private final DealerCatalog dealers;
	private final JdbcClient jdbc;
	private final Clock clock;

	StatementDemoData(Statements statements, StatementQueries queries, AssessmentComputation computation, DealerCatalog dealers, JdbcClient jdbc,
			Clock clock) {
		this.statements = statements;
		this.queries = queries;
		this.computation = computation;
		this.dealers = dealers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void loadDemo() {
		if (jdbc.sql("select count(*) from statement").query(Long.class).single() > 0
				|| dealers.byCode("D0001").isEmpty()) {
			return;
		}
		YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE)).minusMonths(1);
		computation.compute(month, null);
		Statements.Drafts drafts = statements.createDrafts(month.toString(), null);
		for (String code : new String[] { "D0001", "D0002" }) {
			queries.list(month.toString(), code, "DRAFT", 0, 1).items()
					.forEach(s -> statements.publish(s.id()));
		}
		log.info("Demo statements: {} drafts for {}, D0001 and D0002 published", drafts.created(), month);
	}
}
