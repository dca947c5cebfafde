package com.kcm.calendar;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;

/**
 * {@code /api/v1/calendar} (Appendix A): set or remove calendar days ({@code ADMIN}), publish a year,
 * read a year's days, and ask for a deadline.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

	private final CalendarAdministration administration;
	private final CalendarQueries queries;
	private final BusinessCalendar calendar;

	CalendarApi(CalendarAdministration administration, CalendarQueries queries, BusinessCalendar calendar) {
		this.administration = administration;
		this.queries = queries;
		this.calendar = calendar;
	}

	record Publication(Boolean published) {
	}

	/** {@code [{"date","kind":"HOLIDAY"|"MAKEUP_WORKDAY"|"WORKDAY","name"?}]}; {@code WORKDAY} removes the entry. */
	@PostMapping("/days")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> days(@RequestBody List<CalendarAdministration.DayChange> changes) {
		return Map.of("changed", administration.apply(changes));
	}

	@GetMapping("/days")
	Map<String, Object> year(@RequestParam int year) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("year", year);
		m.put("published", calendar.isPublished(year));
		m.put("days", queries.days(year).stream().map(d -> {
			Map<String, Object> day = new LinkedHashMap<>();
			day.put("date", d.getDate().toString());
			day.put("kind", d.getKind().name());
			day.put("name", d.getName());
			return day;
		}).toList());
		return m;
	}

	@PostMapping("/years/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> publish(@PathVariable int year, @RequestBody Publication body) {
		if (body.published() == null) {
			throw ValidationException.of("published", "error.required");
		}
		administration.publish(year, body.published());
		return Map.of("year", year, "published", body.published());
	}

	/**
	 * A deadline as the rules give it: {@code rule} is {@code DAY_LIMIT}, {@code WORKING_DAYS}, {@code HOURS}
	 * or {@code SAME_DAY}; {@code n} the days or hours.
	 */
	@GetMapping("/deadline")
	Map<String, Object> deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
			@RequestParam String rule, @RequestParam(defaultValue = "0") int n) {
		var t = start.toInstant();
		Deadline d;
		try {
			d = switch (rule) {
				case "DAY_LIMIT" -> calendar.dayLimitDeadline(t, n);
				case "WORKING_DAYS" -> calendar.workingDayDeadline(t, n);
				case "HOURS" -> calendar.hourDeadline(t, n);
				case "SAME_DAY" -> calendar.sameDayConfirmationDeadline(t);
				default -> throw ValidationException.of("rule", "calendar.rule.unknown", rule);
			};
		} catch (IllegalArgumentException e) {
			throw ValidationException.of("n", "calendar.n.invalid");
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("start", start.toString());
		m.put("businessDate", calendar.businessDate(t).toString());
		m.put("at", d.at().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString());
		m.put("provisional", d.provisional());
		return m;
	}
}
