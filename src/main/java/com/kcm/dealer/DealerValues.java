package com.kcm.dealer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.kcm.shared.domain.Violations;

/**
 * Reads the text values of commands, API bodies and import rows; a bad value becomes a violation naming
 * the field. Status and type also accept their Chinese names (正式运作, 4S店), as spreadsheets carry them.
 */
final class DealerValues {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,40}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Map<String, DealerStatus> STATUS_NAMES = Map.of("正式运作", DealerStatus.ACTIVE, "过渡服务",
			DealerStatus.TRANSITIONAL, "暂停服务", DealerStatus.SUSPENDED, "撤站", DealerStatus.TERMINATED, "停止合作",
			DealerStatus.TERMINATED, "撤站/停止合作", DealerStatus.TERMINATED);

	private DealerValues() {
	}

	static String code(String value, String field, Violations v) {
		if (blank(value)) {
			v.field(field, "error.required");
			return null;
		}
		if (!CODE.matcher(value.trim()).matches()) {
			v.field(field, "dealer.code.invalid");
			return null;
		}
		return value.trim().toUpperCase(Locale.ROOT);
	}

	static String text(String value, String field, int max, boolean required, Violations v) {
		if (blank(value)) {
			if (required) {
				v.field(field, "error.required");
			}
			return null;
		}
		String t = value.strip();
		if (t.length() > max) {
			v.field(field, "dealer.text.tooLong", max);
			return null;
		}
		return t;
	}

	static DealerType type(String value, String field, Violations v) {
		if (blank(value)) {
			v.field(field, "error.required");
			return null;
		}
		String t = value.trim().toUpperCase(Locale.ROOT).replace("店", "");
		for (DealerType type : DealerType.values()) {
			if (type.code().equals(t) || type.name().equals(t)) {
				return type;
			}
		}
		v.field(field, "dealer.type.invalid", value);
		return null;
	}

	static DealerStatus status(String value, String field, Violations v) {
		if (blank(value)) {
			v.field(field, "error.required");
			return null;
		}
		String t = value.trim();
		DealerStatus named = STATUS_NAMES.get(t);
		if (named != null) {
			return named;
		}
		try {
			return DealerStatus.valueOf(t.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			v.field(field, "dealer.status.invalid", value);
			return null;
		}
	}

	static LocalDate date(String value, String field, Violations v) {
		if (blank(value)) {
			v.field(field, "error.required");
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		} catch (DateTimeParseException e) {
			v.field(field, "dealer.date.invalid", value);
			return null;
		}
	}

	static Integer star(Integer value, String field, boolean required, Violations v) {
		if (value == null) {
			if (required) {
				v.field(field, "error.required");
			}
			return null;
		}
		if (value < 0 || value > 5) {
			v.field(field, "dealer.star.invalid", value);
			return null;
		}
		return value;
	}

	static String phone(String value, String field, Violations v) {
		if (blank(value)) {
			return null;
		}
		if (!PHONE.matcher(value.trim()).matches()) {
			v.field(field, "dealer.phone.invalid");
			return null;
		}
		return value.trim();
	}

	static String email(String value, String field, Violations v) {
		if (blank(value)) {
			return null;
		}
		String t = value.trim();
		if (t.length() > 200 || !EMAIL.matcher(t).matches()) {
			v.field(field, "dealer.email.invalid");
			return null;
		}
		return t;
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
