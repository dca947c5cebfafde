package com.kcm.quality;

/** Who may do what with repair orders and the 三包 watch (ADMIN implies the central roles). */
final class QualityRoles {

	static final String READ = "hasAnyRole('CS_AGENT','CS_SUPERVISOR','AFTER_SALES','AFTER_SALES_MANAGER','ACCOUNT_MANAGER','DEALER','REGIONAL')";
	static final String IMPORT = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER')";
	static final String REQUEST = "hasAnyRole('CS_AGENT','CS_SUPERVISOR','AFTER_SALES','AFTER_SALES_MANAGER')";
	static final String CAPA = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER')";
	static final String WATCH = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER')";

	private QualityRoles() {
	}
}
