package com.kcm.complaint;

import java.util.EnumSet;
import java.util.Set;

/** A work order's state: awaiting confirmation, being handled, handed to another dealer, voided by a re-dispatch (counts nowhere), or closed with its complaint. */
public enum WorkOrderStatus {
	DISPATCHED, CONFIRMED, TRANSFERRED, VOIDED, CLOSED;

	/** The states of a complaint's current work order, the one the dealer is working on. */
	public static final Set<WorkOrderStatus> CURRENT = EnumSet.of(DISPATCHED, CONFIRMED);
}
