package com.kcm.shared.cache;

import java.time.Instant;

/** A cached value that must not be served after an instant of its own, whatever the cache's expiry. */
public interface Expiring {

	Instant expiresAt();
}
