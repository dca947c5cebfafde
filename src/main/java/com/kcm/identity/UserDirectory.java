package com.kcm.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users as other modules may know them: a value record by id, never the account entity. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	/** A user's id, name, display name, roles and whether it may sign in. */
	public record UserSummary(long id, String username, String displayName, Set<Role> roles, boolean enabled) {

		public boolean has(Role role) {
			return roles.contains(role);
		}
	}

	private final UserRepository users;

	UserDirectory(UserRepository users) {
		this.users = users;
	}

	/** The user with this id; empty when there is none. */
	public Optional<UserSummary> byId(long id) {
		return users.findById(id).map(u -> new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(),
				Set.copyOf(u.getRoles()), u.isEnabled()));
	}
}
