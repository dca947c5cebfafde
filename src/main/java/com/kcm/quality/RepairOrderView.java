package com.kcm.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A repair order as pages and other modules show it; {@code closedAt} null while open, {@code repairDays} the
 * Art. 40 days as of the moment it was read (to now while open, no exclusions).
 */
record RepairOrderView(long id, String vin, String dealerCode, String dealerName, String repairOrderNo,
		Instant openedAt, Instant closedAt, long mileageKm, String system, String faultCode, String description,
		boolean qualityProblem, boolean seriousSafetyFault, BigDecimal excludedHours, String earlyFailure,
		List<Item> replaced, int repairDays) {

	public record Item(String system, String partNo, boolean wholeUnit) {
	}
}
