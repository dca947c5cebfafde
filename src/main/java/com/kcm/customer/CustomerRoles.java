package com.kcm.customer;

/** Who may do what with customers (role hierarchy applies: ADMIN implies the central roles). */
final class CustomerRoles {

	static final String READ = "hasAnyRole('CS_AGENT','AFTER_SALES','ACCOUNT_MANAGER','DEALER','REGIONAL')";
	static final String WRITE = "hasAnyRole('CS_AGENT','AFTER_SALES','ACCOUNT_MANAGER')";
	static final String MERGE = "hasAnyRole('AFTER_SALES','CS_SUPERVISOR')";
	static final String IMPORT = "hasAnyRole('AFTER_SALES','CS_SUPERVISOR','ACCOUNT_MANAGER')";

	private CustomerRoles() {
	}
}
