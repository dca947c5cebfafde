package com.kcm.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The period badge of a vehicle without flags on the customer 360° page, at the edges of the two periods. */
class QualityInCustomer360Tests {

	SanbaoState state = new SanbaoState("LSVAM4187P2123456", Instant.parse("2026-12-06T00:00:00Z"),
			LocalDate.of(2024, 5, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2027, 5, 1), 0, List.of());

	@Test
	void theBadgeNamesTheLastDayOfThePeriodTheVehicleIsIn() {
		assertThat(QualityInCustomer360.period(state, LocalDate.of(2026, 4, 30)).text()).isEqualTo("三包至 2026-04-30");
		assertThat(QualityInCustomer360.period(state, LocalDate.of(2026, 5, 1)).text()).isEqualTo("包修期至 2027-04-30");
		assertThat(QualityInCustomer360.period(state, LocalDate.of(2027, 4, 30)).text()).isEqualTo("包修期至 2027-04-30");
		assertThat(QualityInCustomer360.period(state, LocalDate.of(2027, 5, 1)).text()).isEqualTo("三包及包修期已过");
	}
}
