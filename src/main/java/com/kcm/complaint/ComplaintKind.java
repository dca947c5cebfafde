package com.kcm.complaint;

/** Kind of case (SPEC §4.1): a complaint (抱怨) or a repair request (报修). */
public enum ComplaintKind {
	COMPLAINT, REPAIR_REQUEST
}
