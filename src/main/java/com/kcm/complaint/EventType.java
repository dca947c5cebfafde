package com.kcm.complaint;

/** What happened to a complaint; each is one line of its timeline. */
public enum EventType {
	REGISTERED, DISPATCHED, REDISPATCHED, CONFIRMED, REPLIED, CLOSURE_REQUESTED, CALLBACK, TRANSFERRED,
	NOMINATED_FOR_FORCED_CLOSURE, FORCE_CLOSED, CLOSED_UNREACHABLE, CANCELLED, ESCALATED, PROJECT_NUMBER,
	CATEGORY_CORRECTED, REPEAT_CALL, FORCED_CLOSURE_NOMINATION_WITHDRAWN,
	/** Flagged as a major complaint (or a reported one confirmed); the status does not change. */
	MAJOR_FLAGGED,
	/** A screenshot of the post attached to an online complaint; the status does not change. */
	SCREENSHOT_ADDED
}
