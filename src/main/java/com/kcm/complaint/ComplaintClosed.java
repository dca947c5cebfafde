package com.kcm.complaint;

import java.time.Instant;

/** The complaint reached a closed state (closed, force-closed or closed unreachable). */
public record ComplaintClosed(long complaintId, ComplaintStatus status, Instant at) {
}
