package com.kcm.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland-China mobile number, normalised to its 11 digits: separators dropped and a leading
 * {@code +86}/{@code 86} country code stripped. The normalised value is what is encrypted and hashed.
 */
public record MobilePhone(String value) {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	public MobilePhone {
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a mainland mobile number");
		}
	}

	public static Optional<MobilePhone> parse(String raw) {
		String digits = digits(raw);
		return digits != null && MOBILE.matcher(digits).matches() ? Optional.of(new MobilePhone(digits)) : Optional.empty();
	}

	/** Digits only, without the country code; {@code null} for blank input. */
	static String digits(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String d = raw.replaceAll("\\D", "");
		if (d.length() == 13 && d.startsWith("86")) {
			d = d.substring(2);
		}
		return d;
	}

	@Override
	public String toString() {
		return com.kcm.shared.Masking.phone(value);
	}
}
