package com.kcm.identity;

import java.util.Set;

/**
 * The authenticated caller as the other modules see it: roles, the dealer or region it is bound to,
 * and whether it may reveal personal data in full.
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, Long dealerId,
		Long regionId, boolean mayRevealPersonalData) implements java.io.Serializable {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		for (Role r : candidates) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the caller may act in a role, the role hierarchy applied: the manager acts as after-sales, the
	 * supervisor as an agent, the administrator in every role but a dealer's (it is bound to no dealer).
	 */
	public boolean holds(Role role) {
		if (roles.contains(role)) {
			return true;
		}
		return switch (role) {
			case AFTER_SALES -> hasAny(Role.AFTER_SALES_MANAGER, Role.ADMIN);
			case CS_AGENT -> hasAny(Role.CS_SUPERVISOR, Role.ADMIN);
			case DEALER -> false;
			default -> roles.contains(Role.ADMIN);
		};
	}

	/**
	 * Dealer users see one dealer and regional users one region (SPEC §8). A user holding a central role
	 * besides is still scoped: the narrower binding wins.
	 */
	public Scope scope() {
		if (roles.contains(Role.DEALER) && dealerId != null) {
			return Scope.dealer(dealerId);
		}
		if (roles.contains(Role.DEALER)) {
			return new Scope(-1L, null); // bound to nothing: sees nothing
		}
		if (roles.contains(Role.REGIONAL) && regionId != null) {
			return Scope.region(regionId);
		}
		if (roles.contains(Role.REGIONAL)) {
			return new Scope(null, -1L);
		}
		return Scope.ALL;
	}
}
