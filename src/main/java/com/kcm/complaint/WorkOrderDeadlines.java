package com.kcm.complaint;

import java.time.Instant;

/**
 * The clocks of one work order, computed at dispatch with the calendar and policies then in force.
 * {@code closeDueAt} is {@code null} for repair requests (no closure deadline). {@code provisional}
 * when the business calendar had no published schedule for a date the computation touched.
 */
record WorkOrderDeadlines(Instant confirmDueAt, Instant replyDueAt, Instant closeDueAt, boolean provisional) {
}
