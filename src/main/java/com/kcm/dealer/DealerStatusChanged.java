package com.kcm.dealer;

import java.time.LocalDate;

/**
 * A dated status entry was recorded for a dealer: {@code status} holds from {@code effectiveFrom};
 * {@code previous} is what held the day before (null when the entry starts at the accepted-on date).
 * Published inside the changing transaction.
 */
public record DealerStatusChanged(long dealerId, String dealerCode, DealerStatus previous, DealerStatus status,
		LocalDate effectiveFrom) {
}
