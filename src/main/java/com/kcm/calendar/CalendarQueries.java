package com.kcm.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the pages and the API: a year's entries and its publication record. */
@Component
@Transactional(readOnly = true)
class CalendarQueries {

	private final CalendarDayRepository days;
	private final CalendarYearRepository years;

	CalendarQueries(CalendarDayRepository days, CalendarYearRepository years) {
		this.days = days;
		this.years = years;
	}

	List<CalendarDay> days(int year) {
		return days.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	java.util.Optional<CalendarYear> year(int year) {
		return years.findById(year);
	}
}
