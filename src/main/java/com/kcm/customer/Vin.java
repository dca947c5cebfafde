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
		if (value == null || !VIN.matcher(value).matches()) {
			throw new IllegalArgumentException("not a valid VIN");
		}
	}

	public static Optional<Vin> parse(String raw) {
		String v = normalise(raw);
		return v != null && VIN.matcher(v).matches() ? Optional.of(new Vin(v)) : Optional.empty();
	}

	static String normalise(String raw) {
		return raw == null ? null : BLANKS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
	}

	public String last6() {
		return value.substring(11);
	}

	@Override
	public String toString() {
		return value;
	}
}
