package com.kcm.complaint;

import java.time.Instant;

/** Not closed three months (policy) after dispatch: escalated (立项). */
public record ComplaintEscalated(long complaintId, Instant at) {
}
