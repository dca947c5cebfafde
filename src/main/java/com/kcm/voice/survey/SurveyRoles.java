package com.kcm.voice.survey;

/** Who may do what with surveys (ADMIN implies the central roles; dealer and regional users see their scope's results). */
final class SurveyRoles {

	static final String MANAGE = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER','CS_SUPERVISOR')";
	static final String RESULTS = "hasAnyRole('AFTER_SALES','AFTER_SALES_MANAGER','CS_AGENT','CS_SUPERVISOR','DEALER','REGIONAL')";
	static final String FOLLOW_UP = "hasAnyRole('CS_AGENT','CS_SUPERVISOR','AFTER_SALES','AFTER_SALES_MANAGER')";

	private SurveyRoles() {
	}
}
