package com.kcm.voice.churn;

/** Who may see churn figures and record retention calls (ADMIN implies the central roles; dealer and regional users are scoped). */
final class ChurnRoles {

	static final String READ = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER','ACCOUNT_MANAGER','CS_SUPERVISOR','DEALER','REGIONAL')";
	static final String CALL = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER','ACCOUNT_MANAGER','CS_AGENT','CS_SUPERVISOR','DEALER')";

	private ChurnRoles() {
	}
}
