package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

/** A star level (0–5) in force from {@code effectiveFrom} until the next entry of the dealer's history. */
public record DatedStar(LocalDate effectiveFrom, int starLevel, String reason, Instant recordedAt, String recordedBy) {
}
