package com.kcm.complaint;

/** A work order's state: awaiting confirmation, being handled, handed to another dealer, voided by a re-dispatch (counts nowhere), or closed with its complaint. */
public enum WorkOrderStatus {
	DISPATCHED, CONFIRMED, TRANSFERRED, VOIDED, CLOSED
}
