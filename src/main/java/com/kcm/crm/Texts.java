package com.kcm.crm;

import com.kcm.shared.domain.Violations;

/** Checks of free text typed by users. */
final class Texts {

	private Texts() {
	}

	static void required(String s, int max, String field, Violations v) {
		if (s == null || s.isBlank()) {
			v.field(field, "error.required");
		} else {
			optional(s, max, field, v);
		}
	}

	static void optional(String s, int max, String field, Violations v) {
		if (s != null && s.strip().length() > max) {
			v.field(field, "crm.tooLong", max);
		}
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
