package com.kcm.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Chinese licence plate (号牌), normalised to upper case without spaces, dots or dashes
 * ({@code 京A·12345} → {@code 京A12345}). Province character, issuing-office letter (no I/O), then:
 * <ul>
 * <li>five letters or digits, letters without I/O ({@code 京A12345}, {@code 粤BX7Z82});</li>
 * <li>new-energy, six: small vehicles {@code D}/{@code F} then a letter or digit and four digits
 * ({@code 沪AD12345}, {@code 沪AF1A234} is refused), large vehicles five digits then {@code D}/{@code F};</li>
 * <li>four letters or digits then 挂/学/警/港/澳 (trailers, driving schools, police, HK/Macao).</li>
 * </ul>
 */
record PlateNumber(String value) {

	static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
	private static final String AL = "[A-HJ-NP-Z]";
	private static final String ALNUM = "[A-HJ-NP-Z0-9]";
	static final Pattern PLATE = Pattern.compile("[" + PROVINCES + "]" + AL + "(?:"
			+ ALNUM + "{5}"
			+ "|[DF]" + ALNUM + "\\d{4}"
			+ "|\\d{5}[DF]"
			+ "|" + ALNUM + "{4}[挂学警港澳]"
			+ ")");

	/** Compiled once: {@code String.replaceAll} compiled it for every plate an intake reads (issue 17). */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s·•.\\-]");

	public PlateNumber {
		if (value == null || !PLATE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a valid plate");
		}
	}

	public static Optional<PlateNumber> parse(String raw) {
		String v = normalise(raw);
		return v != null && PLATE.matcher(v).matches() ? Optional.of(new PlateNumber(v)) : Optional.empty();
	}

	/** Without separators, in upper case; a plate already written so (the usual case) is returned as it is. */
	static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '·' || c == '•' || c == '.' || c == '-' || Character.isWhitespace(c) || Character.isLowerCase(c)) {
				return SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
			}
		}
		return raw;
	}

	@Override
	public String toString() {
		return value;
	}
}
