package com.kcm.complaint;

import java.util.Locale;

import com.kcm.shared.domain.Violations;

/** Parses enum codes given as text, naming the field when one is unknown. */
final class Codes {

	private Codes() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, boolean required, Violations v) {
		if (value == null || value.isBlank()) {
			if (required) {
				v.field(field, "error.required");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			v.field(field, "complaint.code.unknown", value);
			return null;
		}
	}
}
