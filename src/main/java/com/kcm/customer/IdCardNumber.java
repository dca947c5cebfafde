package com.kcm.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resident ID-card number (居民身份证号码): 18 characters whose last is the GB 11643 check digit
 * (0–9 or X) over the first 17 digits, which contain a real birth date; or a 15-digit legacy number.
 * Normalised to upper case without spaces.
 */
record IdCardNumber(String value) {

	private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
	private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");
	private static final Pattern BLANKS = Pattern.compile("\\s");
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = "10X98765432".toCharArray();

	public IdCardNumber {
		if (!valid(value)) {
			throw new IllegalArgumentException("not a valid ID-card number");
		}
	}

	public static Optional<IdCardNumber> parse(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String v = BLANKS.matcher(raw).replaceAll("").toUpperCase(java.util.Locale.ROOT);
		return valid(v) ? Optional.of(new IdCardNumber(v)) : Optional.empty();
	}

	/** The GB 11643 check character of the first 17 digits. */
	public static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static boolean valid(String v) {
		if (v == null) {
			return false;
		}
		if (FIFTEEN.matcher(v).matches()) {
			return true;
		}
		if (!EIGHTEEN.matcher(v).matches() || checkDigit(v) != v.charAt(17)) {
			return false;
		}
		try {
			LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
					Integer.parseInt(v.substring(12, 14)));
			return true;
		} catch (DateTimeException e) {
			return false;
		}
	}

	@Override
	public String toString() {
		return com.kcm.shared.Masking.idNumber(value);
	}
}
