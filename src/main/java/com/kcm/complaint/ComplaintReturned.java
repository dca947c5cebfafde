package com.kcm.complaint;

import java.time.Instant;

/** A reached callback found the problem not handled: the dealer continues. */
public record ComplaintReturned(long complaintId, long workOrderId, long dealerId, Instant at) {
}
