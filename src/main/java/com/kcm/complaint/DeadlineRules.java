package com.kcm.complaint;

import java.time.Instant;

/**
 * Computes work-order clocks (SPEC §4.2, §4.3, §4.4, §5.1 "work-order clocks by kind") for a dispatch,
 * a transfer or a re-dispatch at an instant.
 */
interface DeadlineRules {

	WorkOrderDeadlines forDispatch(ComplaintKind kind, Channel channel, Category category, Instant at);

	/** Customer service owes the callback by this instant after a closure request. */
	Instant callbackDue(Instant closureRequestedAt);
}
