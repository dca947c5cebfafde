package com.kcm.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kcm.support.KcmTest;

/** SPEC §3 worked examples, against the 2026 schedule the application ships with. */
@KcmTest
class DeadlinesFollowTheWorkedExamplesOfTheSpecTests {

	@Autowired
	BusinessCalendar calendar;

	private static Instant at(String localDateTime) {
		return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
	}

	private static LocalDateTime due(Deadline d) {
		return d.local();
	}

	@Test
	void threeDaysFromMondayMorningIsThursdayAtTheCutOff() {
		Deadline d = calendar.dayLimitDeadline(at("2026-11-02T10:00:00"), 3);
		assertThat(due(d)).isEqualTo("2026-11-05T16:30");
		assertThat(d.provisional()).isFalse();
	}

	@Test
	void aStartAfterTheCutOffCountsFromTheNextDate() {
		assertThat(calendar.businessDate(at("2026-11-02T16:31:00"))).isEqualTo("2026-11-03");
		assertThat(due(calendar.dayLimitDeadline(at("2026-11-02T16:31:00"), 3))).isEqualTo("2026-11-06T16:30");
	}

	@Test
	void aLimitEndingOnASaturdayMovesToMonday() {
		assertThat(due(calendar.dayLimitDeadline(at("2026-11-04T09:00:00"), 3))).isEqualTo("2026-11-09T16:30");
	}

	@Test
	void aLimitEndingInTheNationalDayHolidayMovesToTheFirstWorkingDayAfterIt() {
		assertThat(due(calendar.dayLimitDeadline(at("2026-09-29T11:00:00"), 3))).isEqualTo("2026-10-08T16:30");
	}

	@Test
	void aLimitEndingOnAMakeUpSaturdayStaysThere() {
		assertThat(due(calendar.dayLimitDeadline(at("2026-10-09T10:00:00"), 1))).isEqualTo("2026-10-10T16:30");
	}

	@Test
	void threeWorkingDaysFromFridayCountTheMakeUpSunday() {
		Deadline d = calendar.workingDayDeadline(at("2026-09-18T15:00:00"), 3);
		assertThat(due(d)).isEqualTo("2026-09-22T16:30");
		assertThat(d.provisional()).isFalse();
	}

	@Test
	void theBusinessDateChangesOneSecondAfterTheCutOff() {
		assertThat(calendar.businessDate(at("2026-11-02T16:30:00"))).isEqualTo("2026-11-02");
		assertThat(calendar.businessDate(at("2026-11-02T16:30:01"))).isEqualTo("2026-11-03");
		assertThat(calendar.businessDate(at("2026-11-02T00:00:00"))).isEqualTo("2026-11-02");
	}

	@Test
	void hourDeadlinesAreCalendarTimeAndSameDayConfirmationEndsAtMidnightOfTheBusinessDate() {
		assertThat(calendar.hourDeadline(at("2026-09-30T18:00:00"), 24).at()).isEqualTo(at("2026-10-01T18:00:00"));
		assertThat(due(calendar.sameDayConfirmationDeadline(at("2026-11-02T10:00:00")))).isEqualTo("2026-11-03T00:00");
		assertThat(due(calendar.sameDayConfirmationDeadline(at("2026-11-02T16:31:00")))).isEqualTo("2026-11-04T00:00");
	}

	@Test
	void theOfficialSchedulesOf2025And2026AreShipped() {
		assertThat(calendar.isPublished(2025)).isTrue();
		assertThat(calendar.isPublished(2026)).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-26"))).as("Sunday make-up day").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2025-02-04"))).as("Spring Festival").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08"))).as("National Day").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).as("Saturday make-up day").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-02"))).as("New Year").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).as("Sunday make-up day").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).as("Spring Festival Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("Saturday make-up day").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-19"))).as("Dragon Boat").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-02"))).as("an ordinary Monday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-07"))).as("an ordinary Saturday").isFalse();
	}

	@Test
	void aDeadlineOverAYearWithoutASchedulePublishedIsProvisional() {
		assertThat(calendar.dayLimitDeadline(at("2034-03-01T10:00:00"), 3).provisional()).isTrue();
		assertThat(calendar.workingDayDeadline(at("2034-03-01T10:00:00"), 3).provisional()).isTrue();
		assertThat(calendar.hourDeadline(at("2034-03-01T10:00:00"), 24).provisional()).isFalse();
	}
}
