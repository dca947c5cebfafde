package com.kcm.voice;

/** Who may do what in this module (Spring Security expressions). */
final class VoiceRoles {

	/** Read and record a customer's consents: every role that reads customers, scoped like the customer. */
	static final String CONSENTS = "hasAnyRole('CS_AGENT','AFTER_SALES','ACCOUNT_MANAGER','DEALER','REGIONAL')";

	private VoiceRoles() {
	}
}
