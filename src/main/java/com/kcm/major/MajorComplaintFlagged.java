package com.kcm.major;

import java.time.Instant;

/** A complaint became major (flagged, or a report confirmed by after-sales); the clocks start at {@code at}. */
public record MajorComplaintFlagged(long majorId, long complaintId, long dealerId, String customerName, Instant at,
		Instant phoneReportDueAt, Instant reportDueAt) {
}
