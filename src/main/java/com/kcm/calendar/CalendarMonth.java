package com.kcm.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One month of the calendar page: weeks from Monday to Sunday, each date marked by what it is. */
record CalendarMonth(YearMonth month, List<List<Cell>> weeks) {

	/** A date of the grid ({@code date} null for the blanks before the 1st and after the last day). */
	record Cell(LocalDate date, String mark, String name) {

		/** Bootstrap classes of the cell. */
		public String css() {
			return switch (mark) {
				case "holiday" -> "cal-holiday bg-danger-subtle text-danger-emphasis fw-semibold";
				case "makeup" -> "cal-makeup bg-warning-subtle text-warning-emphasis fw-semibold";
				case "weekend" -> "cal-weekend bg-body-tertiary text-body-tertiary";
				case "blank" -> "cal-blank";
				default -> "cal-workday";
			};
		}
	}

	static List<CalendarMonth> year(int year, Map<LocalDate, CalendarDay> entries) {
		List<CalendarMonth> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			months.add(of(YearMonth.of(year, m), entries));
		}
		return months;
	}

	static CalendarMonth of(YearMonth month, Map<LocalDate, CalendarDay> entries) {
		List<List<Cell>> weeks = new ArrayList<>();
		List<Cell> week = new ArrayList<>();
		int lead = month.atDay(1).getDayOfWeek().getValue() - 1;
		for (int i = 0; i < lead; i++) {
			week.add(new Cell(null, "blank", null));
		}
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			CalendarDay e = entries.get(date);
			String mark = e != null ? (e.getKind() == DayKind.HOLIDAY ? "holiday" : "makeup")
					: date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY ? "weekend" : "workday";
			week.add(new Cell(date, mark, e == null ? null : e.getName()));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(new Cell(null, "blank", null));
			}
			weeks.add(week);
		}
		return new CalendarMonth(month, weeks);
	}
}
