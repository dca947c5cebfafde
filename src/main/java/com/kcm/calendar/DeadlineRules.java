package com.kcm.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The deadline rules of SPEC §3 over a given set of calendar exceptions, with no database and no clock:
 * everything it answers follows from its inputs, which is what the generated-input tests rely on.
 */
final class DeadlineRules {

	/** More than any run of non-working days a real calendar has; guards against broken data. */
	private static final int MAX_SCAN_DAYS = 3 * 366;

	private final Map<LocalDate, DayKind> days;
	private final Set<Integer> publishedYears;
	private final ZoneId zone;

	DeadlineRules(Map<LocalDate, DayKind> days, Set<Integer> publishedYears, ZoneId zone) {
		this.days = Map.copyOf(days);
		this.publishedYears = Set.copyOf(publishedYears);
		this.zone = zone;
	}

	/** The same rules with one more (or a changed) exception. */
	DeadlineRules with(LocalDate date, DayKind kind) {
		Map<LocalDate, DayKind> copy = new HashMap<>(days);
		copy.put(date, kind);
		return new DeadlineRules(copy, publishedYears, zone);
	}

	boolean isWorkingDay(LocalDate date) {
		DayKind kind = days.get(date);
		if (kind != null) {
			return kind == DayKind.MAKEUP_WORKDAY;
		}
		DayOfWeek dow = date.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	/**
	 * Whether the day opens a holiday block: a day off after a working day, in a run of days off that holds at
	 * least one statutory holiday (a weekend before a holiday opens the block; an ordinary weekend does not).
	 */
	boolean startsHolidayBlock(LocalDate date) {
		if (isWorkingDay(date) || !isWorkingDay(date.minusDays(1))) {
			return false;
		}
		for (LocalDate d = date; !isWorkingDay(d) && d.isBefore(date.plusDays(31)); d = d.plusDays(1)) {
			if (days.get(d) == DayKind.HOLIDAY) {
				return true;
			}
		}
		return false;
	}

	boolean isPublished(int year) {
		return publishedYears.contains(year);
	}

	/** The local date when the local time is at or before the cut-off, else the next date. */
	LocalDate businessDate(Instant t, LocalTime cutOff) {
		var local = t.atZone(zone);
		LocalDate date = local.toLocalDate();
		return local.toLocalTime().isAfter(cutOff) ? date.plusDays(1) : date;
	}

	/** Cut-off on business date + N calendar days, moved to the first working day after it if need be. */
	Deadline dayLimit(Instant t, int days, LocalTime cutOff) {
		if (days < 0) {
			throw new IllegalArgumentException("days must be >= 0: " + days);
		}
		LocalDate date = businessDate(t, cutOff).plusDays(days);
		boolean provisional = !isPublished(date.getYear());
		int scanned = 0;
		while (!isWorkingDay(date)) {
			date = date.plusDays(1);
			provisional |= !isPublished(date.getYear());
			guard(++scanned);
		}
		return new Deadline(date.atTime(cutOff).atZone(zone).toInstant(), provisional);
	}

	/** Cut-off on the N-th working day after the business date (which itself is not counted). */
	Deadline workingDays(Instant t, int n, LocalTime cutOff) {
		if (n < 1) {
			throw new IllegalArgumentException("n must be >= 1: " + n);
		}
		LocalDate date = businessDate(t, cutOff);
		boolean provisional = false;
		int counted = 0;
		int scanned = 0;
		while (counted < n) {
			date = date.plusDays(1);
			provisional |= !isPublished(date.getYear());
			if (isWorkingDay(date)) {
				counted++;
			}
			guard(++scanned);
		}
		return new Deadline(date.atTime(cutOff).atZone(zone).toInstant(), provisional);
	}

	/** Calendar time: t + N hours; no working day is involved, so never provisional. */
	Deadline hours(Instant t, int hours) {
		if (hours < 0) {
			throw new IllegalArgumentException("hours must be >= 0: " + hours);
		}
		return new Deadline(t.plusSeconds(3600L * hours), false);
	}

	/** 24:00 of the business date, i.e. 00:00 of the following date; depends on the cut-off only. */
	Deadline sameDay(Instant t, LocalTime cutOff) {
		return new Deadline(businessDate(t, cutOff).plusDays(1).atStartOfDay(zone).toInstant(), false);
	}

	private static void guard(int scanned) {
		if (scanned > MAX_SCAN_DAYS) {
			throw new IllegalStateException("no working day within " + MAX_SCAN_DAYS + " days: check the calendar data");
		}
	}
}
