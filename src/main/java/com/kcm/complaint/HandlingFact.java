package com.kcm.complaint;

import java.time.Instant;

/**
 * What happened with one complaint at one dealer, as of an assessment cut-off: the dealer's first (not
 * voided) work order for the complaint, and the complaint's state built only from events strictly before
 * the cut-off (SPEC §5.1). Instants after the cut-off never appear here.
 *
 * @param responsible the work order is the complaint's first (not a transfer): the dealer is responsible
 * @param statusAtCutoff the complaint's status at the cut-off
 * @param statusAtPreviousCutoff the status at the previous month's default cut-off (online carry-over)
 * @param categoryAtCutoff the category in force at the cut-off
 * @param firstReplyAt the first reply on this work order before the cut-off
 * @param firstContactAt the earliest customer contact stated by replies given before the cut-off
 * @param closedAt when the complaint reached a closed state (before the cut-off)
 * @param reachedCallbacks reached callbacks before the cut-off
 * @param falseReplyCallbacks callbacks before the cut-off that found a false reply
 * @param lastCallbackReached whether the latest callback before the cut-off reached the customer (null: none)
 * @param lastReachedSatisfied the "satisfied" answer of the latest reached callback before the cut-off
 */
public record HandlingFact(long complaintId, long dealerId, long workOrderId, ComplaintKind kind, Channel channel,
		boolean negative, boolean responsible, Instant dispatchedAt, Instant replyDueAt, Instant closeDueAt,
		Instant firstReplyAt, Instant firstContactAt, ComplaintStatus statusAtCutoff,
		ComplaintStatus statusAtPreviousCutoff, Category categoryAtCutoff, Instant closedAt, int reachedCallbacks,
		int falseReplyCallbacks, Boolean lastCallbackReached, Boolean lastReachedSatisfied) {

	public boolean closedAtCutoff() {
		return statusAtCutoff != null && statusAtCutoff.isClosed();
	}
}
