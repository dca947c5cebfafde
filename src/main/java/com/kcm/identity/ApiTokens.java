package com.kcm.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.cache.Caches;
import com.kcm.shared.cache.Expiring;
import com.kcm.shared.crypto.Sha256;

/**
 * Issues bearer tokens for a username and password, and resolves them on every API call. A resolved token
 * is remembered ({@link Caches#API_TOKENS}) for {@code kcm.security.token-cache} (10 s; never beyond the
 * token's expiry), so a client's burst of calls reads it once: a change to a user on this instance forgets
 * every remembered token when it commits; a user disabled on another instance loses access within that delay.
 */
@Service
class ApiTokens {

	private final AuthenticationConfiguration authentication;
	private final ApiTokenRepository tokens;
	private final AccountUserDetailsService details;
	private final SecurityProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final TransactionTemplate readOnly;
	private final Cache resolved;

	/** A valid token's user, remembered no longer than the token is valid. */
	private record Resolved(KcmPrincipal principal, Instant expiresAt) implements Expiring {
	}

	ApiTokens(AuthenticationConfiguration authentication, ApiTokenRepository tokens,
			AccountUserDetailsService details, SecurityProperties properties, Clock clock,
			PlatformTransactionManager transactions, CacheManager caches) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.details = details;
		this.properties = properties;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.resolved = caches.getCache(Caches.API_TOKENS);
	}

	/** Checks the password (counting failures towards lockout) and returns a new token. */
	@Transactional
	public String issue(String username, String password) throws Exception {
		AuthenticationManager manager = authentication.getAuthenticationManager();
		Authentication auth = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		KcmPrincipal principal = (KcmPrincipal) auth.getPrincipal();
		byte[] raw = new byte[32];
		random.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant now = clock.instant();
		tokens.deleteExpired(now);
		tokens.save(new ApiToken(hash(token), principal.user().id(), now, now.plus(properties.tokenLifetime())));
		return token;
	}

	public Optional<KcmPrincipal> resolve(String token) {
		String hash = hash(token);
		if (properties.tokenCache().isZero()) { // never negative (SecurityProperties)
			return read(hash).map(Resolved::principal);
		}
		return Optional.ofNullable(Caches.get(resolved, hash, () -> read(hash).orElse(null))).map(Resolved::principal);
	}

	/** The token's user if the token is valid now and the user may sign in. */
	private Optional<Resolved> read(String hash) {
		Instant now = clock.instant();
		Optional<ValidToken> valid = readOnly.execute(tx -> tokens.validToken(hash, now));
		return valid.map(v -> new Resolved(details.principal(v.user()), v.expiresAt()))
				.filter(r -> r.principal().isEnabled() && r.principal().isAccountNonLocked());
	}

	/** Forgets every remembered token once a change to a user has committed (as the policy cache does). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(UserChanged event) {
		resolved.invalidate();
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}
}
