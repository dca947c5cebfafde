package com.kcm.complaint;

import java.time.Instant;

/** Customer service recorded a callback. */
record CallbackRecorded(long complaintId, boolean reached, Instant at) {
}
