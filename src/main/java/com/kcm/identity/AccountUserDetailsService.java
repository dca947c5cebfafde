package com.kcm.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserRepository users;
	private final Clock clock;

	AccountUserDetailsService(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount u = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return principal(u);
	}

	KcmPrincipal principal(UserAccount u) {
		return new KcmPrincipal(u.toCurrentUser(), u.getPasswordHash(), u.isEnabled(), u.lockedAt(clock.instant()));
	}
}
