package com.kcm.calendar;

import java.time.OffsetDateTime;
import java.util.List;

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
	Changed days(@RequestBody List<CalendarAdministration.DayChange> changes) {
		return new Changed(administration.apply(changes));
	}

	@GetMapping("/days")
	YearAnswer year(@RequestParam int year) {
		return new YearAnswer(year, calendar.isPublished(year), queries.days(year).stream()
				.map(d -> new DayAnswer(d.getDate().toString(), d.getKind(), d.getName())).toList());
	}

	@PostMapping("/years/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	Published publish(@PathVariable int year, @RequestBody Publication body) {
		if (body.published() == null) {
			throw ValidationException.of("published", "error.required");
		}
		administration.publish(year, body.published());
		return new Published(year, body.published());
	}

	/**
	 * A deadline as the rules give it: {@code rule} is {@code DAY_LIMIT}, {@code WORKING_DAYS}, {@code HOURS}
	 * or {@code SAME_DAY}; {@code n} the days or hours.
	 */
	@GetMapping("/deadline")
	DeadlineAnswer deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
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
		return new DeadlineAnswer(start.toString(), calendar.businessDate(t).toString(),
				d.at().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString(), d.provisional());
	}

	record Changed(int changed) {
	}

	record Published(int year, boolean published) {
	}

	/** A year of the calendar: whether it is published and its holidays and make-up workdays. */
	record YearAnswer(int year, boolean published, List<DayAnswer> days) {
	}

	record DayAnswer(String date, DayKind kind, String name) {
	}

	/** A deadline computed from {@code start}: the business date of the start and the instant it falls due. */
	record DeadlineAnswer(String start, String businessDate, String at, boolean provisional) {
	}
}
