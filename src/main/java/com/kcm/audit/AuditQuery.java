package com.kcm.audit;

import java.time.Instant;

/** Filters of the audit search; any may be {@code null}. */
public record AuditQuery(String actor, String action, String entityType, String entityId, Instant from, Instant to) {
}
