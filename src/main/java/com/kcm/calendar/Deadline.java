package com.kcm.calendar;

import java.time.Instant;
import java.time.LocalDateTime;

import com.kcm.shared.TimeConfig;

/**
 * When something is due. {@code provisional} when the computation looked at a date in a year whose
 * official schedule is not published yet: the instant may move once the schedule is entered.
 */
public record Deadline(Instant at, boolean provisional) {

	public Deadline {
		if (at == null) {
			throw new IllegalArgumentException("a deadline needs an instant");
		}
	}

	/** The due instant as local date-time in the business zone. */
	public LocalDateTime local() {
		return LocalDateTime.ofInstant(at, TimeConfig.BUSINESS_ZONE);
	}
}
