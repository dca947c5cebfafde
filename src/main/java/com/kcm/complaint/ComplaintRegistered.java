package com.kcm.complaint;

import java.time.Instant;

/** A complaint or repair request was registered. */
record ComplaintRegistered(long complaintId, Instant at) {
}
