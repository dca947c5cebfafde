package com.kcm.complaint;

import java.time.Instant;

/** A complaint or repair request was registered. */
public record ComplaintRegistered(long complaintId, Instant at) {
}
