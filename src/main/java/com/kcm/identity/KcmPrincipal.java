package com.kcm.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it; carries the {@link CurrentUser} for the modules. */
final class KcmPrincipal implements UserDetails {

	private final CurrentUser user;
	private final String passwordHash;
	private final boolean enabled;
	private final boolean locked;
	/** Made once: a bearer token's principal is cached and its authorities read for every request. */
	private final List<GrantedAuthority> authorities;

	KcmPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
		this.user = user;
		this.authorities = authorities(user);
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	/** Public so templates can read it ({@code #authentication.principal.user}). */
	public CurrentUser user() {
		return user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	static List<GrantedAuthority> authorities(CurrentUser user) {
		return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String toString() {
		return user.username();
	}
}
