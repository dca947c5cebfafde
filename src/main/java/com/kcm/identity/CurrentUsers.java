package com.kcm.identity;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling. Every module's scoped query starts here. */
@Component
public class CurrentUsers {

	public CurrentUser current() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
	}

	public Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof KcmPrincipal p) {
			return Optional.of(p.user());
		}
		return Optional.empty();
	}

	public Scope scope() {
		return current().scope();
	}
}
