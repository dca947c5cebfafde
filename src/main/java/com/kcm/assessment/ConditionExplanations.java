package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * One sentence per support condition (SPEC §5.3) that explains its figure and verdict in the reader's
 * language, e.g. 当月计入限值的抱怨 3 件，超过本季度限值 2 件，不满足. Built from the stored figure, threshold
 * and verdict when the answer is read, so a frozen statement reads the same in Chinese and English.
 * Message keys: {@code statement.explain.<CODE>.met}, {@code .unmet} and, for the rates, {@code .none}
 * (a null rate, which counts as met).
 */
@Component
class ConditionExplanations {

	static final List<String> CODES = List.of("LIMIT", "FIRST_TIME_CLOSURE", "MONTHLY_CLOSURE", "ONLINE_CLOSURE",
			"NO_MEDIA_EXPOSURE", "ACTIVE_STATUS");

	private final MessageSource messages;

	ConditionExplanations(MessageSource messages) {
		this.messages = messages;
	}

	/** Adds {@code explanation} to every condition of an assessment answer (in place) and returns the answer. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> addTo(Map<String, Object> answer) {
		Object conditions = answer.get("conditions");
		if (conditions instanceof List<?> list) {
			for (Object c : list) {
				if (c instanceof Map<?, ?> m) {
					Map<String, Object> condition = (Map<String, Object>) m;
					condition.put("explanation", explain(condition));
				}
			}
		}
		return answer;
	}

	/** The sentence for one condition {@code {"code","met","figure","threshold"}} in the current locale. */
	public String explain(Map<String, Object> condition) {
		Locale locale = LocaleContextHolder.getLocale();
		String code = String.valueOf(condition.get("code"));
		boolean met = Boolean.TRUE.equals(condition.get("met"));
		Object figure = condition.get("figure");
		Object threshold = condition.get("threshold");
		String key = "statement.explain." + code + "." + (met ? "met" : "unmet");
		Object[] args;
		switch (code) {
		case "FIRST_TIME_CLOSURE", "MONTHLY_CLOSURE", "ONLINE_CLOSURE" -> {
			if (figure == null) {
				key = "statement.explain." + code + ".none";
			}
			args = new Object[] { percent(figure), percent(threshold) };
		}
		default -> args = new Object[] { integer(figure), integer(threshold) };
		}
		return messages.getMessage(key, args, key, locale);
	}

	/** A rate as a percentage: {@code 0.8333} → {@code 83.33%}, {@code 1.0} → {@code 100%}, null → —. */
	public static String percent(Object rate) {
		if (rate == null) {
			return "—";
		}
		BigDecimal r = new BigDecimal(rate.toString()).multiply(BigDecimal.valueOf(100)).setScale(2,
				RoundingMode.HALF_UP);
		return r.stripTrailingZeros().toPlainString() + "%";
	}

	private static String integer(Object n) {
		if (n == null) {
			return "—";
		}
		return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
	}
}
