package com.kcm.identity;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed passwords and locks the account after too many (SPEC §8); a success resets the count. */
@Component
class LoginAttempts {

	private final UserRepository users;
	private final SecurityProperties properties;
	private final Clock clock;

	LoginAttempts(UserRepository users, SecurityProperties properties, Clock clock) {
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		users.findByUsername(event.getAuthentication().getName()).ifPresent(
				u -> u.recordFailedLogin(clock.instant(), properties.maxFailedLogins(), properties.lockout()));
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof KcmPrincipal p) {
			users.findById(p.user().id()).ifPresent(UserAccount::recordSuccessfulLogin);
		}
	}
}
