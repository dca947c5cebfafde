package com.kcm.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A vehicle identification number: 17 characters of digits and capital letters except I, O and Q. */
record Vin(String value) {

	static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
	static final Pattern LAST6 = Pattern.compile("[A-HJ-NPR-Z0-9]{6}");
	/** Compiled once: {@code String.replaceAll} compiled it for every VIN an intake reads (issue 17). */
	private static final Pattern BLANKS = Pattern.compile("\\s");

	public Vin {
		if (!valid(value)) {
			throw new IllegalArgumentException("not a valid VIN");
		}
	}

	public static Optional<Vin> parse(String raw) {
		String v = normalise(raw);
		return valid(v) ? Optional.of(new Vin(v)) : Optional.empty();
	}

	/** What {@link #VIN} matches, checked by a loop over the 17 characters (an intake checks a VIN four times). */
	static boolean valid(String v) {
		if (v == null || v.length() != 17) {
			return false;
		}
		for (int i = 0; i < 17; i++) {
			char c = v.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q')) {
				return false;
			}
		}
		return true;
	}

	/** Without white space, in upper case; a VIN already written so (the usual case) is returned as it is. */
	static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isWhitespace(c) || Character.isLowerCase(c) || c > 0x7f) {
				return BLANKS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
			}
		}
		return raw;
	}

	public String last6() {
		return value.substring(11);
	}

	@Override
	public String toString() {
		return value;
	}
}
