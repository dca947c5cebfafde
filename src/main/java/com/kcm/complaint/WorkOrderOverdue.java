package com.kcm.complaint;

import java.time.Instant;

/** A current work order's next deadline has passed (published once per work order and deadline). */
public record WorkOrderOverdue(long complaintId, long workOrderId, long dealerId, WorkOrderDeadline deadline,
		Instant dueAt, Instant at) {
}
