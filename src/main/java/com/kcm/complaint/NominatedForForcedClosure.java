package com.kcm.complaint;

import java.time.Instant;

/** After-sales nominated the complaint for the forced-closure list of the month of {@code at} (SPEC §4.2 step 7). */
record NominatedForForcedClosure(long complaintId, String reason, Instant at, String nominatedBy) {
}
