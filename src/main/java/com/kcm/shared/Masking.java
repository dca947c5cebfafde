package com.kcm.shared;

/** Masks personal data for lists, pages and exports (SPEC §8): {@code 138****5678}, {@code 110***********1234}. */
public final class Masking {

	private Masking() {
	}

	public static String phone(String phone) {
		return keep(phone, 3, 4);
	}

	public static String idNumber(String id) {
		return keep(id, 3, 4);
	}

	private static String keep(String value, int head, int tail) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}
}
