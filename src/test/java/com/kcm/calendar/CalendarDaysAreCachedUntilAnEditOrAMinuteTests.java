package com.kcm.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * The day table is cached: an edit committed on this instance ({@link CalendarChanged}) is seen at once, a day
 * written by another instance within a minute.
 */
@KcmTest
class CalendarDaysAreCachedUntilAnEditOrAMinuteTests {

	static final LocalDate WEDNESDAY = LocalDate.of(2095, 6, 1);

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void removeTheDay() {
		clock.reset();
		jdbc.sql("delete from calendar_day where calendar_date = ?").param(WEDNESDAY).update();
		calendar.refresh();
	}

	void holidayBehindTheApplicationsBack() {
		calendar.refresh();
		assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
		jdbc.sql("insert into calendar_day (calendar_date, kind, name) values (?, 'HOLIDAY', '另一实例')").param(WEDNESDAY)
				.update();
		assertThat(calendar.isWorkingDay(WEDNESDAY)).as("still the cached table").isTrue();
	}

	@Test
	void anEditCommittedOnThisInstanceIsSeenAtOnce() {
		holidayBehindTheApplicationsBack();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new CalendarChanged(Set.of(2095))));
		assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();
	}

	@Test
	void aDayWrittenByAnotherInstanceIsSeenWithinAMinute() {
		holidayBehindTheApplicationsBack();
		clock.advance(Duration.ofSeconds(50));
		assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
		clock.advance(Duration.ofSeconds(11));
		assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();
	}
}
