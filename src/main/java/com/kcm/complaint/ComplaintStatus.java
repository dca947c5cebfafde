package com.kcm.complaint;

import java.util.EnumSet;
import java.util.Set;

/** The life cycle of SPEC §4.2. */
public enum ComplaintStatus {
	REGISTERED, DISPATCHED, IN_PROGRESS, CLOSURE_REQUESTED, CLOSED, FORCE_CLOSED, CLOSED_UNREACHABLE, CANCELLED;

	public static final Set<ComplaintStatus> CLOSED_STATES = EnumSet.of(CLOSED, FORCE_CLOSED, CLOSED_UNREACHABLE);
	public static final Set<ComplaintStatus> OPEN_AT_DEALER = EnumSet.of(DISPATCHED, IN_PROGRESS, CLOSURE_REQUESTED);

	/** {@code CLOSED}, {@code FORCE_CLOSED} or {@code CLOSED_UNREACHABLE}. */
	public boolean isClosed() {
		return CLOSED_STATES.contains(this);
	}
}
