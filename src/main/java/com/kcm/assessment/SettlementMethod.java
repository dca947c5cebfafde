package com.kcm.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How finance settles a statement: a positive total is paid, a negative one deducted from the deposit or the
 * claim settlement, a zero total needs nothing.
 */
enum SettlementMethod {
	PAYMENT, DEPOSIT_DEDUCTION, CLAIM_SETTLEMENT_DEDUCTION, NONE;

	/** The methods that fit a total of this sign. */
	static List<SettlementMethod> allowedFor(BigDecimal total) {
		int sign = total.signum();
		return sign > 0 ? List.of(PAYMENT) : sign < 0 ? List.of(DEPOSIT_DEDUCTION, CLAIM_SETTLEMENT_DEDUCTION) : List.of(NONE);
	}

	/** {@link #allowedFor} as the refusal names them ({@code DEPOSIT_DEDUCTION, CLAIM_SETTLEMENT_DEDUCTION}). */
	static String allowedText(BigDecimal total) {
		return allowedFor(total).stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	/** The method as typed ({@code payment}); null when it is none of the methods. */
	static SettlementMethod parse(String raw) {
		String m = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
		for (SettlementMethod s : values()) {
			if (s.name().equals(m)) {
				return s;
			}
		}
		return null;
	}
}
