package com.kcm.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in rules: how many failed passwords lock an account and for how long, how long an API token
 * lives, and how long a resolved token is remembered ({@code tokenCache}; zero: never).
 */
@ConfigurationProperties("kcm.security")
record SecurityProperties(Integer maxFailedLogins, Duration lockout, Duration tokenLifetime,
		Duration tokenCache) {

	public SecurityProperties {
		maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
		lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
		tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
		tokenCache = tokenCache == null || tokenCache.isNegative() ? Duration.ofSeconds(10) : tokenCache;
	}
}
