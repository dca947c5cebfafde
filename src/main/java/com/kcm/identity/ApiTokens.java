package com.kcm.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues bearer tokens for a username and password, and resolves them on every API call. A resolved token
 * is remembered for {@code kcm.security.token-cache} (10 s; never beyond the token's expiry), so a client's
 * burst of calls reads it once: a change to a user on this instance forgets every remembered token when it
 * commits; a user disabled on another instance loses access within that delay.
 */
@Service
class ApiTokens {

	private static final int MAX_REMEMBERED = 10_000;

	private final AuthenticationConfiguration authentication;
	private final ApiTokenRepository tokens;
	private final AccountUserDetailsService details;
	private final SecurityProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final TransactionTemplate readOnly;
	private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

	/** A token resolved at {@code at}, remembered until {@code until}. */
	private record Resolved(KcmPrincipal principal, Instant at, Instant until) {
	}

	ApiTokens(AuthenticationConfiguration authentication, ApiTokenRepository tokens,
			AccountUserDetailsService details, SecurityProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.details = details;
		this.properties = properties;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
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
		Instant now = clock.instant();
		String hash = hash(token);
		Resolved known = resolved.get(hash);
		if (known != null && !now.isBefore(known.at()) && now.isBefore(known.until())) {
			return Optional.of(known.principal());
		}
		Optional<ValidToken> valid = readOnly.execute(tx -> tokens.validToken(hash, now));
		Optional<KcmPrincipal> principal = valid.map(v -> details.principal(v.user()))
				.filter(p -> p.isEnabled() && p.isAccountNonLocked());
		Duration keep = properties.tokenCache();
		if (principal.isPresent() && !keep.isZero()) { // never negative (SecurityProperties)
			if (resolved.size() >= MAX_REMEMBERED) {
				resolved.clear();
			}
			Instant until = now.plus(keep);
			Instant expires = valid.get().expiresAt();
			resolved.put(hash, new Resolved(principal.get(), now, until.isBefore(expires) ? until : expires));
		} else {
			resolved.remove(hash);
		}
		return principal;
	}

	/** Forgets every remembered token once a change to a user has committed (as the policy cache does). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(UserChanged event) {
		resolved.clear();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
