package com.kcm.complaint.web;

/** Who may open which complaint screen (the role hierarchy applies; each move checks its own roles again). */
final class ComplaintRoles {

	static final String INTAKE = "hasAnyRole('CS_AGENT','AFTER_SALES')";
	static final String SPECIALIST = "hasAnyRole('AFTER_SALES')";
	static final String READ = "hasAnyRole('CS_AGENT','AFTER_SALES','DEALER','REGIONAL')";
	static final String INBOX = "hasAnyRole('DEALER','REGIONAL','AFTER_SALES')";
	static final String CALLBACKS = "hasAnyRole('CS_AGENT')";

	private ComplaintRoles() {
	}
}
