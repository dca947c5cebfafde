package com.kcm.complaint;

import java.time.Instant;

/** A dealer replied on its work order. */
record WorkOrderReplied(long complaintId, long workOrderId, long dealerId, Instant at) {
}
