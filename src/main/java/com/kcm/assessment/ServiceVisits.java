package com.kcm.assessment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/**
 * Monthly service visits per dealer (SPEC §2, §5.2), pushed by the dealer system
 * ({@code POST /service-visits}) or imported. A batch is checked whole: any bad row is reported with its
 * index and nothing is written; a month already recorded is replaced.
 */
@Service
public class ServiceVisits {

	public record Entry(String dealerCode, String month, Integer visits) {
	}

	private final JdbcClient jdbc;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	ServiceVisits(JdbcClient jdbc, DealerCatalog dealers, CurrentUsers users, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.dealers = dealers;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public int record(List<Entry> entries) {
		if (entries == null || entries.isEmpty()) {
			throw ValidationException.of(null, "assessment.visits.empty");
		}
		List<Violation> errors = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			DealerSummary dealer = e == null || e.dealerCode() == null ? null
					: dealers.byCode(e.dealerCode().trim()).orElse(null);
			if (dealer == null) {
				errors.add(Violation.row(i, "dealerCode", e == null || e.dealerCode() == null ? "error.required"
						: "assessment.dealer.unknown", e == null ? null : e.dealerCode()));
			}
			YearMonth month = null;
			try {
				month = Months.parse(e == null ? null : e.month(), "month");
			} catch (ValidationException ve) {
				errors.add(Violation.row(i, "month", "assessment.month.invalid", e == null ? null : e.month()));
			}
			if (e == null || e.visits() == null || e.visits() < 0) {
				errors.add(Violation.row(i, "visits", "assessment.visits.invalid"));
			}
			if (dealer != null && month != null && !seen.add(dealer.id() + "/" + month)) {
				errors.add(Violation.row(i, "month", "assessment.visits.duplicate", dealer.code(), month));
			}
			if (dealer != null && month != null && e.visits() != null) {
				rows.add(new Object[] { dealer.id(), month.toString(), e.visits() });
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		String by = users.find().map(u -> u.username()).orElse("system");
		for (Object[] r : rows) {
			jdbc.sql("delete from service_visit where dealer_id = :d and period_month = :m").param("d", r[0]).param("m", r[1])
					.update();
			jdbc.sql("insert into service_visit (dealer_id, period_month, visits, recorded_at, recorded_by) "
					+ "values (:d, :m, :v, :at, :by)").param("d", r[0]).param("m", r[1]).param("v", r[2])
					.param("at", Months.utc(clock.instant())).param("by", by).update();
		}
		audit.event(Audit.IMPORT, "service_visit", null, rows.size() + " monthly service visit counts");
		return rows.size();
	}

	/** Visits of a dealer in a month; a missing month counts as 0. */
	@Transactional(readOnly = true)
	public int visits(long dealerId, YearMonth month) {
		return jdbc.sql("select visits from service_visit where dealer_id = :d and period_month = :m").param("d", dealerId)
				.param("m", month.toString()).query(Integer.class).optional().orElse(0);
	}

	@Transactional(readOnly = true)
	public List<Map<String, Object>> history(long dealerId) {
		return jdbc.sql("select period_month as month, visits, recorded_at, recorded_by from service_visit where dealer_id = :d "
				+ "order by period_month desc").param("d", dealerId).query().listOfRows();
	}
}
