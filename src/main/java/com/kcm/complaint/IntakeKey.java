package com.kcm.complaint;

/**
 * The {@code Idempotency-Key} of an intake request and the hash of its body (Appendix A): written with the complaint
 * the request registers (its unique index refuses a second use), read when a request repeats the key. Intake
 * bookkeeping, not part of the complaint's life cycle, so the {@link Complaint} entity does not map it.
 */
record IntakeKey(String key, String bodyHash) {
}
