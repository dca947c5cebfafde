package com.kcm.quality;

import java.time.Instant;

/**
 * A replacement or refund request under Art. 28 recorded on a complaint, with its two working-day deadlines
 * (answer within 10, completion within 20) and whether each is overdue as of the moment it was read.
 */
record ReplacementRequestView(long id, long complaintId, String kind, Instant requestedAt, Instant answerDueAt,
		Instant completionDueAt, Instant answeredAt, String answer, Instant completedAt, boolean answerOverdue,
		boolean completionOverdue) {
}
