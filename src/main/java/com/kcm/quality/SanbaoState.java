package com.kcm.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 三包 state of a vehicle as of an instant (Appendix A.2): the start date (invoice date, or the delivery
 * date when given and different), the first dates outside the 三包 period and the 包修期 by time, the
 * REPAIR_DAYS figure, and the flags that are reached or approaching, in the order of the SPEC. A vehicle
 * without a purchase date has no start and no flags.
 */
record SanbaoState(String vin, Instant at, LocalDate start, LocalDate sanbaoUntil, LocalDate warrantyUntil,
		int repairDays, List<SanbaoFlag> flags) {

	public boolean anyReached() {
		return flags.stream().anyMatch(SanbaoFlag::reached);
	}
}
