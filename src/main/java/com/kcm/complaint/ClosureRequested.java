package com.kcm.complaint;

import java.time.Instant;

/** After-sales asked customer service to call back for closure. */
record ClosureRequested(long complaintId, Instant at, Instant callbackDueAt) {
}
