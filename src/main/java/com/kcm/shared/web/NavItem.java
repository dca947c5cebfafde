package com.kcm.shared.web;

import java.util.Set;

/**
 * One entry of the side menu, contributed by the module that owns the page as a bean. Shown only to
 * users holding one of {@code roles} (after the role hierarchy); an empty set means every signed-in user.
 */
public record NavItem(String section, int order, String labelKey, String path, Set<String> roles) {

	public NavItem {
		roles = Set.copyOf(roles);
	}
}
