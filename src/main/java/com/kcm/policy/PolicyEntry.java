package com.kcm.policy;

import java.time.Instant;
import java.time.LocalDate;

/** A value of a parameter as recorded: what, from when, why, by whom and when it was entered. */
public record PolicyEntry(Long id, String name, String value, LocalDate effectiveFrom, String reason,
		Instant recordedAt, String recordedBy) {
}
