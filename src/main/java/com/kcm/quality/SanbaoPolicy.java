package com.kcm.quality;

/**
 * The periods and thresholds of the 三包 watch (policy values; {@link #LAW} holds the minimums of SAMR Order 43
 * and the SPEC's defaults). {@code replacements} is the threshold of both replacement flags.
 */
record SanbaoPolicy(int sanbaoYears, int sanbaoKm, int warrantyYears, int warrantyKm, int repairDays,
		int repairDaysApproaching, int sameProblemRepairs, int seriousSafetyRepairs, int replacements, int earlyDays,
		int earlyKm, int earlyRefundDays, int longRepairDays) {

	static final SanbaoPolicy LAW = new SanbaoPolicy(2, 50_000, 3, 60_000, 30, 25, 4, 2, 2, 60, 3_000, 7, 5);
}
