package com.kcm.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/** Checks a value typed by a person against its parameter and gives the stored (canonical) text. */
final class PolicyFormat {

	static final String FIELD = "value";
	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
	private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,12}(\\.\\d+)?");
	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
	static final int MAX_TEXT = 200;

	private PolicyFormat() {
	}

	/** The canonical text of a valid value; a {@link ValidationException} on field {@code value} otherwise. */
	static String normalise(PolicyName name, String raw) {
		String v = raw == null ? "" : raw.strip();
		if (v.isEmpty()) {
			throw refused("policy.value.required", label(name));
		}
		return switch (name.type()) {
			case INTEGER -> {
				if (!INTEGER.matcher(v).matches()) {
					throw refused("policy.value.integer", label(name));
				}
				long n = Long.parseLong(v);
				if (n < 0) {
					throw refused("policy.value.negative", label(name));
				}
				if (n < name.min() || n > name.max()) {
					throw refused("policy.value.range", label(name), name.min(), name.max());
				}
				yield Long.toString(n);
			}
			case DECIMAL -> {
				String d = v.replace(",", "").replace("¥", "").replace("￥", "");
				if (!DECIMAL.matcher(d).matches()) {
					throw refused("policy.value.decimal", label(name));
				}
				BigDecimal amount = new BigDecimal(d);
				if (amount.signum() < 0) {
					throw refused("policy.value.negative", label(name));
				}
				if (amount.stripTrailingZeros().scale() > 2) {
					throw refused("policy.value.decimal", label(name));
				}
				if (amount.compareTo(BigDecimal.valueOf(name.min())) < 0 || amount.compareTo(BigDecimal.valueOf(name.max())) > 0) {
					throw refused("policy.value.range", label(name), name.min(), name.max());
				}
				yield amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
			}
			case TIME -> {
				if (!TIME.matcher(v).matches()) {
					throw refused("policy.value.time", label(name));
				}
				yield v;
			}
			case TEXT -> {
				if (v.length() > MAX_TEXT) {
					throw refused("policy.value.text", label(name), MAX_TEXT);
				}
				yield v;
			}
			case BANDS -> LimitBands.parse(v).toString();
			case RULES -> ClassRules.parse(v).toString();
		};
	}

	static int asInt(String stored) {
		return Integer.parseInt(stored);
	}

	static BigDecimal asDecimal(String stored) {
		return new BigDecimal(stored).setScale(2, RoundingMode.UNNECESSARY);
	}

	static LocalTime asTime(String stored) {
		return LocalTime.parse(stored);
	}

	/** The parameter's label as a message argument, resolved in the reader's language. */
	static DefaultMessageSourceResolvable label(PolicyName name) {
		return new DefaultMessageSourceResolvable(new String[] { name.labelKey() }, name.name());
	}

	private static ValidationException refused(String code, Object... args) {
		return new ValidationException(List.of(Violation.field(FIELD, code, args)));
	}
}
