package com.kcm.assessment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.shared.TimeConfig;

/**
 * Demo service visits ({@code kcm.demo=true}, only into a database without any): the last six months of
 * every demo dealer, from a few dozen to about 1,500 a month so that every band of the limit table shows, and
 * the limits of the previous and the current quarter computed from them.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "kcm.demo", havingValue = "true")
class AssessmentDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AssessmentDemoData.class);

	private final ServiceVisits visits;
	private final ComplaintLimits limits;
	private final DealerCatalog dealers;
	private final JdbcClient jdbc;
	private final Clock clock;

	AssessmentDemoData(ServiceVisits visits, ComplaintLimits limits, DealerCatalog dealers, JdbcClient jdbc, Clock clock) {
		this.visits = visits;
		this.limits = limits;
		this.dealers = dealers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from service_visit").query(Long.class).single() > 0) {
			return;
		}
		load();
	}

	/** Records the demo visits of the demo dealers (codes D0001 to D0020) and computes the limits. */
	void load() {
		List<DealerSummary> all = dealers.all().stream().filter(d -> d.code().matches("D00[0-2][0-9]")).toList();
		if (all.isEmpty()) {
			return;
		}
		YearMonth now = YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
		List<ServiceVisits.Entry> entries = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			int base = 40 + (i * 173) % 1500;
			for (int back = 6; back >= 1; back--) {
				YearMonth m = now.minusMonths(back);
				entries.add(new ServiceVisits.Entry(all.get(i).code(), m.toString(), base + (back * 37 + i * 11) % 120));
			}
		}
		visits.record(entries);
		YearMonth quarter = Months.quarterStart(now);
		limits.computeMissing(quarter.minusMonths(3));
		limits.computeMissing(quarter);
		log.info("demo service visits: {} dealer-months, limits of {} and {}", entries.size(),
				Months.quarter(quarter.minusMonths(3)), Months.quarter(quarter));
	}
}
