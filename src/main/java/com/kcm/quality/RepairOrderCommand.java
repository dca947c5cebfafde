package com.kcm.quality;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** One repair order as {@code POST /api/v1/repair-orders} (A.2) and the import file carry it. */
record RepairOrderCommand(String vin, String dealerCode, String repairOrderNo, OffsetDateTime openedAt,
		OffsetDateTime closedAt, Long mileageKm, String system, String faultCode, String description,
		Boolean qualityProblem, Boolean seriousSafetyFault, List<Replaced> replaced, BigDecimal excludedHours,
		String earlyFailure) {

	/** A replaced item: the system it belongs to, its part number, and whether it is the whole unit. */
	public record Replaced(String system, String partNo, Boolean wholeUnit) {
	}
}
