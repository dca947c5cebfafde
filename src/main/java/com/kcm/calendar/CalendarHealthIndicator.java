package com.kcm.calendar;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator health contributor {@code calendar}: {@code WARNING} while a schedule that should be there is
 * missing (the current year, or the next one from 1 December), so monitoring sees it before deadlines
 * over that year turn provisional. {@code WARNING} answers HTTP 200 (application.properties).
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

	static final String WARNING = "WARNING";

	private final BusinessCalendar calendar;

	CalendarHealthIndicator(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public Health health() {
		List<Integer> missing = calendar.missingYears();
		if (missing.isEmpty()) {
			return Health.up().build();
		}
		return Health.status(WARNING).withDetail("missingSchedules", missing)
				.withDetail("action", "publish the official holiday schedule at /admin/calendar").build();
	}
}
