package com.kcm.quality;

import java.time.Instant;

/**
 * A 三包 flag of a vehicle turned {@code REACHED} (SPEC §7.8), published once per vehicle and code; after-sales
 * is told. {@code detail} names the fault code, system, part number or repair order behind it (or is null).
 */
public record SanbaoFlagReached(long vehicleId, String vin, String code, int figure, int threshold, String article,
		String detail, Instant at) {
}
