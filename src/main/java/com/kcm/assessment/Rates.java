package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** SPEC §5.1: a rate is a decimal fraction rounded half-up to 4 places; {@code null} when the denominator is 0. */
final class Rates {

	private Rates() {
	}

	public static BigDecimal of(long numerator, long denominator) {
		if (denominator == 0) {
			return null;
		}
		return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
	}

	/** A {@code null} rate counts as met (SPEC §5.1, §5.3). */
	public static boolean isFull(BigDecimal rate) {
		return rate == null || rate.compareTo(BigDecimal.ONE) == 0;
	}
}
