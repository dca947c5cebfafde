package com.kcm.customer;

import java.util.Optional;

/**
 * A mainland-China mobile number, normalised to its 11 digits: separators dropped and a leading
 * {@code +86}/{@code 86} country code stripped. The normalised value is what is encrypted and hashed.
 */
public record MobilePhone(String value) {

	public MobilePhone {
		if (!valid(value)) {
			throw new IllegalArgumentException("not a mainland mobile number");
		}
	}

	public static Optional<MobilePhone> parse(String raw) {
		String digits = digits(raw);
		return valid(digits) ? Optional.of(new MobilePhone(digits)) : Optional.empty();
	}

	/**
	 * Whether {@code value} is a mainland mobile number, {@code 1[3-9]} and nine more digits; checked without a
	 * regex engine (every intake parses a phone, and the regex showed in its profile).
	 */
	static boolean valid(String value) {
		if (value == null || value.length() != 11 || value.charAt(0) != '1' || value.charAt(1) < '3' || value.charAt(1) > '9') {
			return false;
		}
		for (int i = 2; i < 11; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** Digits only (ASCII), without the country code; {@code null} for blank input. */
	static String digits(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		StringBuilder d = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				d.append(c);
			}
		}
		if (d.length() == 13 && d.charAt(0) == '8' && d.charAt(1) == '6') {
			d.delete(0, 2);
		}
		return d.toString();
	}

	@Override
	public String toString() {
		return com.kcm.shared.Masking.phone(value);
	}
}
