package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

/** A status in force from {@code effectiveFrom} until the next entry of the dealer's history. */
public record DatedStatus(LocalDate effectiveFrom, DealerStatus status, String reason, Instant recordedAt,
		String recordedBy) {
}
