package com.kcm.quality;

import java.time.Instant;

/**
 * An Art. 28 deadline of a replacement or refund request is near ({@code overdue} false) or has passed
 * ({@code overdue} true); {@code deadline} is {@code ANSWER} (10 working days) or {@code COMPLETION} (20).
 * Published once per request, deadline and kind of alert.
 */
public record ReplacementRequestDue(long requestId, long complaintId, String kind, String deadline, Instant dueAt,
		boolean overdue) {
}
