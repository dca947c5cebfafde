package com.kcm.assessment;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.kcm.shared.TimeConfig;

/** Times, amounts and rates as the statement pages show them ({@code @statementText} in templates). */
@Component("statementText")
public class StatementText {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public String at(Instant t) {
		return t == null ? "—" : AT.format(t.atZone(TimeConfig.BUSINESS_ZONE));
	}

	/** {@code 3000.00} → {@code 3,000.00}; negative amounts keep their sign. */
	public String money(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
	}

	/** A rate as a percentage, or — for null. */
	public String percent(Object rate) {
		return ConditionExplanations.percent(rate);
	}

	/** A figure as stored (a count, or a rate shown as a percentage). */
	public String figure(String code, Object value) {
		if (code != null && code.endsWith("_CLOSURE")) {
			return percent(value);
		}
		return value == null ? "—" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
	}
}
