package com.kcm.assessment;

import java.util.Locale;

import com.kcm.shared.domain.Violations;

/** An appeal is OPEN until the manager ACCEPTS or REJECTS it. */
enum AppealStatus {
	OPEN, ACCEPTED, REJECTED;

	/**
	 * The manager's decision as typed ({@code accepted}, {@code REJECTED }); a missing or other value is a violation
	 * of {@code field} and answers null.
	 */
	static AppealStatus decision(String raw, String field, Violations v) {
		String d = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
		if (d.equals(ACCEPTED.name()) || d.equals(REJECTED.name())) {
			return valueOf(d);
		}
		v.field(field, raw == null || raw.isBlank() ? "error.required" : "statement.decision.invalid");
		return null;
	}
}
