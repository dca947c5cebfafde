package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.support.KcmTest;

/** The demo network others rely on: D0001 active 4S in 华北 (N), D0002 active in 华东 (E). Rolled back. */
@KcmTest
class DealerDemoDataTests {

	@Autowired
	DealerNetwork network;

	@Autowired
	DealerCatalog catalog;

	@Autowired
	RegionRepository regions;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theDemoNetworkHasTwentyDealersWithHistoryAndD0001AndD0002AreActive() {
		assertThat(regions.findByCode("N").isEmpty() && catalog.byCode("D0001").isEmpty())
				.as("the test database holds no demo network (tests run with kcm.demo=false)").isTrue();
		tx.executeWithoutResult(status -> {
			new DealerDemoData(network, regions, tx).load();
			DealerSummary d1 = catalog.byCode("D0001").orElseThrow();
			assertThat(d1.status()).isEqualTo(DealerStatus.ACTIVE);
			assertThat(d1.type()).isEqualTo(DealerType.S4);
			assertThat(d1.regionCode()).isEqualTo("N");
			assertThat(catalog.byCode("D0002").orElseThrow().regionCode()).isEqualTo("E");
			assertThat(catalog.byCode("D0020")).isPresent();
			long d7 = catalog.byCode("D0007").orElseThrow().id();
			assertThat(catalog.statusOn(d7, LocalDate.parse("2024-07-15"))).contains(DealerStatus.SUSPENDED);
			assertThat(catalog.daysNotActive(d7, YearMonth.of(2024, 8))).isEqualTo(14);
			assertThat(catalog.byCode("D0019").orElseThrow().status()).isEqualTo(DealerStatus.TERMINATED);
			status.setRollbackOnly();
		});
	}
}
