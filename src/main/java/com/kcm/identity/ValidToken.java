package com.kcm.identity;

import java.time.Instant;

/** A token that is valid now: its user, and when it expires. */
record ValidToken(UserAccount user, Instant expiresAt) {
}
