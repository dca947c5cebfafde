package com.kcm.complaint;

/** Why a case is a repair request (SPEC §4.1). */
public enum RepairReason {
	NOT_YET_SEEN, DEALER_LACKS_ABILITY, DEALER_LEFT_NETWORK, CUSTOMER_CHOSE_OTHER
}
