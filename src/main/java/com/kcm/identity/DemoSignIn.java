package com.kcm.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * For demo data loaders that act as a demo user (the moves check roles and scope and audit the actor): runs the
 * work signed in as that user on the current thread, then signs out.
 */
@Component
public class DemoSignIn {

	private final UserDetailsService users;

	DemoSignIn(UserDetailsService users) {
		this.users = users;
	}

	/** Runs the work as the user; false, without running it, when there is no such user. */
	public boolean runAs(String username, Runnable work) {
		UserDetails user;
		try {
			user = users.loadUserByUsername(username);
		} catch (UsernameNotFoundException e) {
			return false;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
			return true;
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
