package com.kcm.complaint;

import java.time.Instant;

/** A work order went to a dealer (dispatch, transfer or re-dispatch). */
public record ComplaintDispatched(long complaintId, long workOrderId, long dealerId, Instant at) {
}
