package com.kcm.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;

/** Months and quarters as the assessment names them ({@code 2026-04}, {@code 2026-Q2}), in the business zone. */
final class Months {

	private Months() {
	}

	static YearMonth parse(String month, String field) {
		try {
			return YearMonth.parse(month == null ? "" : month.trim());
		} catch (DateTimeParseException e) {
			throw ValidationException.of(field, "assessment.month.invalid", month);
		}
	}

	static Instant start(YearMonth m) {
		return m.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	static Instant end(YearMonth m) {
		return start(m.plusMonths(1));
	}

	static String quarter(YearMonth m) {
		return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
	}

	/** The first month of the quarter holding {@code m}. */
	static YearMonth quarterStart(YearMonth m) {
		return YearMonth.of(m.getYear(), ((m.getMonthValue() - 1) / 3) * 3 + 1);
	}

	/** The first month of a quarter named like {@code 2026-Q2}; anything else is refused naming {@code field}. */
	static YearMonth parseQuarter(String quarter, String field) {
		String q = quarter == null ? "" : quarter.trim().toUpperCase(java.util.Locale.ROOT);
		if (!q.matches("\\d{4}-Q[1-4]")) {
			throw ValidationException.of(field, "assessment.quarter.invalid", quarter);
		}
		return YearMonth.of(Integer.parseInt(q.substring(0, 4)), (q.charAt(6) - '1') * 3 + 1);
	}

	/** The three months of the quarter before the one holding {@code m}. */
	static YearMonth[] previousQuarter(YearMonth m) {
		YearMonth firstOfQuarter = YearMonth.of(m.getYear(), ((m.getMonthValue() - 1) / 3) * 3 + 1);
		YearMonth p = firstOfQuarter.minusMonths(3);
		return new YearMonth[] { p, p.plusMonths(1), p.plusMonths(2) };
	}

	/** An instant as local date and time to the minute ({@code 2026-04-01 09:00}), for pages; null stays empty. */
	static String localText(Instant t) {
		return t == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(t.atZone(TimeConfig.BUSINESS_ZONE));
	}

	static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}
}
