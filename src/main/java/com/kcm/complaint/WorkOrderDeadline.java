package com.kcm.complaint;

/** Which clock of a work order a due-soon or overdue notice is about (the work order's next deadline). */
public enum WorkOrderDeadline {
	/** Confirmation of receipt (same day). */
	CONFIRMATION,
	/** First reply (dispatch + 24 h). */
	FIRST_REPLY,
	/** Closure (day-limit by category). */
	CLOSURE;

	/** The deadline a work order is running against now, judged from what the dealer has done. */
	static WorkOrderDeadline of(WorkOrder w) {
		if (w.getConfirmedAt() == null) {
			return CONFIRMATION;
		}
		return w.getFirstReplyAt() == null ? FIRST_REPLY : CLOSURE;
	}
}
