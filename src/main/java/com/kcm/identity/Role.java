package com.kcm.identity;

/** The roles of SPEC §1. A user may hold several; {@link #DEALER} and {@link #REGIONAL} are always scoped. */
public enum Role {
	CS_AGENT, CS_SUPERVISOR, AFTER_SALES, AFTER_SALES_MANAGER, REGIONAL, DEALER, FINANCE, ADMIN, ACCOUNT_MANAGER;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Message-bundle key of the role's name. */
	public String labelKey() {
		return "role." + name();
	}
}
