package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.shared.TimeConfig;
import com.kcm.support.KcmTest;

/** The demo service visits give every demo dealer the history of the months shown and stored limits. Rolled back (the test database holds no demo network). */
@KcmTest
class AssessmentDemoDataTests {

	@Autowired
	ServiceVisits visits;

	@Autowired
	ComplaintLimits limits;

	@Autowired
	DealerCatalog dealers;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	DealerNetwork network;

	@Test
	void demoDealersGetTheVisitsOfTheMonthsShownAndTheCurrentQuartersLimits() {
		tx.executeWithoutResult(status -> {
			String region = "R" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
			network.createRegion(new RegionCommand(region, "演示大区"));
			network.createDealer(new DealerCommand("D0001", "北京中联汽车销售服务有限公司", "4S", region, "ACTIVE",
					"2019-04-18", 5, null, null));
			YearMonth now = YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
			YearMonth first = now.minusMonths(AssessmentDemoData.MONTHS);
			new AssessmentDemoData(null, visits, limits, null, null, dealers, null, clock)
					.visitsAndLimits(List.of("D0001"), first, now, new java.util.Random(7));
			List<ServiceVisits.Recorded> h = visits.history("D0001", PageRequest.of(0, 24)).getContent();
			List<String> expected = new java.util.ArrayList<>();
			for (YearMonth m = now.minusMonths(1); !m.isBefore(Months.previousQuarter(first)[0]); m = m.minusMonths(1)) {
				expected.add(m.toString());
			}
			assertThat(expected).hasSizeGreaterThanOrEqualTo(AssessmentDemoData.MONTHS);
			assertThat(h).extracting(ServiceVisits.Recorded::month).containsExactlyElementsOf(expected);
			YearMonth quarter = Months.quarterStart(now);
			var row = limits.list(quarter, "D0001", null, PageRequest.of(0, 1)).getContent();
			assertThat(row).hasSize(1);
			int sum = 0;
			for (YearMonth m : Months.previousQuarter(quarter)) {
				sum += visits.visits(row.get(0).dealerId(), m);
			}
			assertThat(row.get(0).visitsSum()).isEqualTo(sum);
			assertThat(row.get(0).effectiveLimit()).isEqualTo(limits.limitFor(row.get(0).dealerId(), quarter).value());
			status.setRollbackOnly();
		});
	}
}
