package com.kcm.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues bearer tokens for a username and password, and resolves them on every API call. */
@Service
class ApiTokens {

	private final AuthenticationConfiguration authentication;
	private final ApiTokenRepository tokens;
	private final AccountUserDetailsService details;
	private final SecurityProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(AuthenticationConfiguration authentication, ApiTokenRepository tokens,
			AccountUserDetailsService details, SecurityProperties properties, Clock clock) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.details = details;
		this.properties = properties;
		this.clock = clock;
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

	@Transactional(readOnly = true)
	public Optional<KcmPrincipal> resolve(String token) {
		Instant now = clock.instant();
		return tokens.userOfValidToken(hash(token), now).map(details::principal)
				.filter(p -> p.isEnabled() && p.isAccountNonLocked());
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
