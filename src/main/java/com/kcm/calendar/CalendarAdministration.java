package com.kcm.calendar;

import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.io.TabularFile;

/**
 * Edits the calendar (ADMIN): days set or removed one by one, by the API or by a CSV import, and the
 * publication of a year. Every batch is checked as a whole first; one bad item and nothing is written.
 */
@Service
class CalendarAdministration {

	static final int EARLIEST_YEAR = 2000;
	static final int LATEST_YEAR = 2100;
	static final int MAX_NAME = 100;

	/** {@code WORKDAY} removes the entry: the date follows the Monday–Friday rule again. */
	static final String WORKDAY = "WORKDAY";

	private static final Map<String, String> KIND_ALIASES = Map.of("节假日", "HOLIDAY", "假", "HOLIDAY", "休", "HOLIDAY",
			"调休上班", "MAKEUP_WORKDAY", "调休上班日", "MAKEUP_WORKDAY", "班", "MAKEUP_WORKDAY", "工作日", WORKDAY);

	private final CalendarDayRepository days;
	private final CalendarYearRepository years;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CalendarAdministration(CalendarDayRepository days, CalendarYearRepository years, Audit audit,
			ApplicationEventPublisher events, Clock clock) {
		this.days = days;
		this.years = years;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** One requested change, as typed (so a bad value can be named): date YYYY-MM-DD, kind, optional name. */
	record DayChange(String date, String kind, String name) {
	}

	/** A checked change. {@code kind} empty = back to the Monday–Friday rule. */
	private record Checked(LocalDate date, Optional<DayKind> kind, String name) {
	}

	/** Applies a batch; violations carry the item's index as given by {@code indexOf} (0-based or a row number). */
	@Transactional
	public int apply(List<DayChange> changes) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			indexes.add(i);
		}
		return apply(changes, indexes);
	}

	/** Imports a CSV (or xlsx) file with the columns {@code date,kind[,name]}; errors name the row. */
	@Transactional
	public int importFile(String filename, InputStream in) {
		List<TabularFile.Row> rows = TabularFile.read(filename, in);
		List<DayChange> changes = new ArrayList<>();
		List<Integer> rowNumbers = new ArrayList<>();
		for (TabularFile.Row r : rows) {
			changes.add(new DayChange(r.get("date", "日期"), r.get("kind", "类型"), r.get("name", "名称")));
			rowNumbers.add(r.number());
		}
		if (changes.isEmpty()) {
			throw com.kcm.shared.domain.ValidationException.of("file", "import.file.empty");
		}
		int n = apply(changes, rowNumbers);
		audit.event(Audit.IMPORT, "calendar-day", null, (filename == null ? "" : filename) + ": " + n);
		return n;
	}

	@Transactional
	public void publish(int year, boolean published) {
		if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
			throw com.kcm.shared.domain.ValidationException.of("year", "calendar.year.range", EARLIEST_YEAR, LATEST_YEAR);
		}
		CalendarYear y = years.findById(year).orElseGet(() -> years.save(new CalendarYear(year)));
		Map<String, Boolean> before = Map.of("published", y.isPublished());
		y.publish(published, published ? clock.instant() : null, published ? actor() : null);
		audit.changed(Audit.UPDATE, "calendar-year", year, before, Map.of("published", published));
		events.publishEvent(new CalendarChanged(Set.of(year)));
	}

	private int apply(List<DayChange> changes, List<Integer> indexes) {
		Violations v = new Violations();
		List<Checked> checked = new ArrayList<>();
		Map<LocalDate, Integer> seen = new HashMap<>();
		for (int i = 0; i < changes.size(); i++) {
			int index = indexes.get(i);
			DayChange c = changes.get(i) == null ? new DayChange(null, null, null) : changes.get(i);
			List<Violation> problems = new ArrayList<>();
			LocalDate date = date(c.date(), index, problems);
			String kindText = kind(c.kind(), index, problems);
			String name = c.name() == null || c.name().isBlank() ? null : c.name().strip();
			if (name != null && name.length() > MAX_NAME) {
				problems.add(Violation.row(index, "name", "calendar.name.tooLong", MAX_NAME));
			}
			if (date != null && kindText != null && kindText.equals(DayKind.MAKEUP_WORKDAY.name()) && !weekend(date)) {
				problems.add(Violation.row(index, "kind", "calendar.makeup.notWeekend", date));
			}
			if (date != null && seen.putIfAbsent(date, index) != null) {
				problems.add(Violation.row(index, "date", "calendar.date.duplicate", date, seen.get(date)));
			}
			problems.forEach(v::add);
			if (problems.isEmpty()) {
				checked.add(new Checked(date, kindText.equals(WORKDAY) ? Optional.empty() : Optional.of(DayKind.valueOf(kindText)), name));
			}
		}
		v.throwIfAny();

		Set<Integer> touched = new HashSet<>();
		int changed = 0;
		for (Checked c : checked) {
			Optional<CalendarDay> existing = days.findById(c.date());
			DaySnapshot before = existing.map(CalendarAdministration::snapshot).orElse(null);
			if (c.kind().isEmpty()) {
				if (existing.isPresent()) {
					days.delete(existing.get());
					audit.changed(Audit.DELETE, "calendar-day", c.date(), before, null);
					changed++;
				}
			} else if (existing.isPresent()) {
				existing.get().change(c.kind().get(), c.name());
				audit.changed(Audit.UPDATE, "calendar-day", c.date(), before, snapshot(existing.get()));
				changed++;
			} else {
				CalendarDay d = days.save(new CalendarDay(c.date(), c.kind().get(), c.name()));
				audit.changed(Audit.CREATE, "calendar-day", c.date(), null, snapshot(d));
				changed++;
			}
			touched.add(c.date().getYear());
		}
		if (!touched.isEmpty()) {
			events.publishEvent(new CalendarChanged(touched));
		}
		return changed;
	}

	private static LocalDate date(String text, int index, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			problems.add(Violation.row(index, "date", "error.required"));
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(text.strip());
			if (d.getYear() < EARLIEST_YEAR || d.getYear() > LATEST_YEAR) {
				problems.add(Violation.row(index, "date", "calendar.year.range", EARLIEST_YEAR, LATEST_YEAR));
				return null;
			}
			return d;
		} catch (DateTimeParseException e) {
			problems.add(Violation.row(index, "date", "calendar.date.invalid", text.strip()));
			return null;
		}
	}

	private static String kind(String text, int index, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			problems.add(Violation.row(index, "kind", "error.required"));
			return null;
		}
		String k = text.strip();
		k = KIND_ALIASES.getOrDefault(k, k.toUpperCase(Locale.ROOT));
		if (!k.equals(WORKDAY) && !k.equals(DayKind.HOLIDAY.name()) && !k.equals(DayKind.MAKEUP_WORKDAY.name())) {
			problems.add(Violation.row(index, "kind", "calendar.kind.unknown", text.strip()));
			return null;
		}
		return k;
	}

	private static boolean weekend(LocalDate d) {
		return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/** What the audit trail keeps of a calendar day. */
	record DaySnapshot(String date, DayKind kind, String name) {
	}

	private static DaySnapshot snapshot(CalendarDay d) {
		return new DaySnapshot(d.getDate().toString(), d.getKind(), d.getName());
	}

	private static String actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null ? "system" : auth.getName();
	}
}
