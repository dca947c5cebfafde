package com.kcm.assessment;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.kcm.shared.TimeConfig;

/**
 * Times, amounts, rates and money lines as the statement pages and answers show them ({@code @statementText} in
 * templates), and the texts a statement stores.
 */
@Component("statementText")
class StatementText {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	StatementText(MessageSource messages) {
		this.messages = messages;
	}

	/** The text of a money line in the reader's language. */
	String line(StatementQueries.Line l) {
		String key = switch (l.kind()) {
		case SUPPORT -> l.amount().signum() > 0 ? "statement.line.SUPPORT.earned" : "statement.line.SUPPORT.none";
		default -> "statement.line." + l.kind();
		};
		return messages.getMessage(key, new Object[] { l.description(), l.penaltyId() == null ? "" : "#" + l.penaltyId() },
				key, LocaleContextHolder.getLocale());
	}

	/** A text stored in a statement (revision reasons are part of the frozen document, in Chinese). */
	String stored(String code, Object... args) {
		return messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE);
	}

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
