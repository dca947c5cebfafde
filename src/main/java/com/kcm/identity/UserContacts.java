package com.kcm.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who can be notified: enabled users with an e-mail address or mobile, by role and region. */
@Service
@Transactional(readOnly = true)
public class UserContacts {

	/** A user's contact data for notifications (either may be null). */
	public record Contact(long userId, String username, String displayName, String email, String mobile) {
	}

	private final UserRepository users;

	UserContacts(UserRepository users) {
		this.users = users;
	}

	/** Enabled users holding at least one of the roles and having an e-mail or mobile. */
	public List<Contact> withAnyRole(Collection<Role> roles) {
		return users.findNotifiable().stream().filter(u -> u.getRoles().stream().anyMatch(roles::contains))
				.map(UserContacts::contact).toList();
	}

	/** Enabled users of the region holding the role and having an e-mail or mobile. */
	public List<Contact> ofRegion(long regionId, Role role) {
		return users.findNotifiable().stream()
				.filter(u -> u.getRegionId() != null && u.getRegionId() == regionId && u.getRoles().contains(role))
				.map(UserContacts::contact).toList();
	}

	/** An enabled user by username (its contact data may be null), e.g. the owner of a corrective action. */
	public java.util.Optional<Contact> byUsername(String username) {
		return username == null ? java.util.Optional.empty()
				: users.findByUsername(username.strip()).filter(UserAccount::isEnabled).map(UserContacts::contact);
	}

	/** A user by id, enabled or not. */
	public java.util.Optional<Contact> byId(long userId) {
		return users.findById(userId).map(UserContacts::contact);
	}

	private static Contact contact(UserAccount u) {
		return new Contact(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile());
	}
}
