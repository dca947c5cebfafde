package com.kcm.complaint;

import java.time.Instant;

/** A current work order's next deadline is near (published once per work order and deadline). */
public record WorkOrderDueSoon(long complaintId, long workOrderId, long dealerId, WorkOrderDeadline deadline,
		Instant dueAt, Instant at) {
}
