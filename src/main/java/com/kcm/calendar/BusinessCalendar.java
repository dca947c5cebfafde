package com.kcm.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.cache.Caches;

/**
 * "When is this due?" (SPEC §3). Every answer is computed in Asia/Shanghai with the cut-off time
 * ({@link PolicyName#CUT_OFF_TIME}, default 16:30) in force at the start instant:
 * <ul>
 * <li>business date of t: its local date when the local time is at or before the cut-off, else the next date;</li>
 * <li>day-limit deadline: cut-off on business date + N calendar days, moved to the first working day after it;</li>
 * <li>working-day deadline: cut-off on the N-th working day after the business date (not counting it);</li>
 * <li>hour deadline: t + N hours;</li>
 * <li>same-day confirmation: 00:00 of the date after the business date.</li>
 * </ul>
 * A deadline that looks at a date in a year without a published schedule is {@link Deadline#provisional()}.
 * The day table is tiny and cached ({@link Caches#CALENDAR}): evicted when an edit commits here
 * ({@link CalendarChanged}), and kept at most a minute so an edit made by another instance is seen.
 */
@Service
public class BusinessCalendar {

	private final CalendarDayRepository days;
	private final CalendarYearRepository years;
	private final Policies policies;
	private final Clock clock;
	private final Cache cache;

	BusinessCalendar(CalendarDayRepository days, CalendarYearRepository years, Policies policies, Clock clock,
			CacheManager caches) {
		this.days = days;
		this.years = years;
		this.policies = policies;
		this.clock = clock;
		this.cache = caches.getCache(Caches.CALENDAR);
	}

	public LocalDate businessDate(Instant t) {
		return rules().businessDate(t, cutOff(t));
	}

	/** SPEC §3 day-limit deadline (closure limits, major-complaint reports), {@code days} ≥ 0. */
	public Deadline dayLimitDeadline(Instant start, int days) {
		return rules().dayLimit(start, days, cutOff(start));
	}

	/** SPEC §3 working-day deadline (repair requests, callbacks, appeals), {@code n} ≥ 1. */
	public Deadline workingDayDeadline(Instant start, int n) {
		return rules().workingDays(start, n, cutOff(start));
	}

	/** SPEC §3 hour deadline (the 24-hour rules): calendar time, {@code hours} ≥ 0. */
	public Deadline hourDeadline(Instant start, int hours) {
		return rules().hours(start, hours);
	}

	/** SPEC §3 same-day confirmation: 24:00 of the business date; any instant before it is in time. */
	public Deadline sameDayConfirmationDeadline(Instant start) {
		return rules().sameDay(start, cutOff(start));
	}

	public boolean isWorkingDay(LocalDate date) {
		return rules().isWorkingDay(date);
	}

	/**
	 * Whether the day is the first day of a holiday block (SPEC §7.5 care messages): a day off after a working
	 * day, in a run of days off holding at least one {@link DayKind#HOLIDAY}.
	 */
	public boolean startsHolidayBlock(LocalDate date) {
		return rules().startsHolidayBlock(date);
	}

	/** Whether the official schedule of a year has been entered and published. */
	public boolean isPublished(int year) {
		return rules().isPublished(year);
	}

	/**
	 * Years whose schedule should be there by now and is not: the current year, and from 1 December the
	 * next one. Empty when all is well.
	 */
	public List<Integer> missingYears() {
		LocalDate today = clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
		List<Integer> missing = new ArrayList<>();
		if (!isPublished(today.getYear())) {
			missing.add(today.getYear());
		}
		if (today.getMonth() == Month.DECEMBER && !isPublished(today.getYear() + 1)) {
			missing.add(today.getYear() + 1);
		}
		return missing;
	}

	/** Forgets the day table held in memory; the next question reads it again. */
	public void refresh() {
		cache.invalidate();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CalendarChanged event) {
		refresh();
	}

	private LocalTime cutOff(Instant start) {
		return policies.timeAt(PolicyName.CUT_OFF_TIME, start);
	}

	private DeadlineRules rules() {
		return Caches.get(cache, Caches.ALL, this::load);
	}

	private DeadlineRules load() {
		Map<LocalDate, DayKind> table = new HashMap<>();
		days.findAll().forEach(d -> table.put(d.getDate(), d.getKind()));
		Set<Integer> published = new HashSet<>();
		years.findByPublishedTrue().forEach(y -> published.add(y.getYear()));
		return new DeadlineRules(table, published, TimeConfig.BUSINESS_ZONE);
	}
}
