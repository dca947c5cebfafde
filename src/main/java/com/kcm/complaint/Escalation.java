package com.kcm.complaint;

import java.time.Instant;
import java.util.Optional;

import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * Long-open escalation (立项, SPEC §4.2 step 8, Appendix A): when a complaint counts as escalated. The number of
 * months is the {@code ESCALATION_MONTHS} policy in force at the complaint's first dispatch; the
 * {@link EscalationJob} flags a complaint once ({@link Complaint#escalate}), and pages and answers show it
 * escalated from the moment it is due, flagged or not.
 */
final class Escalation {

	private Escalation() {
	}

	/**
	 * The instant from which an open complaint is escalated: first dispatch + {@code months} calendar months on the
	 * local date-time (clamped to the month's end as {@code java.time} does).
	 */
	static Optional<Instant> dueAt(Instant firstDispatchedAt, int months) {
		return Optional.ofNullable(firstDispatchedAt).map(t -> t.atZone(Complaint.ZONE).toLocalDateTime()
				.plusMonths(months).atZone(Complaint.ZONE).toInstant());
	}

	/** Appendix A: escalated when in no closed state at first dispatch + N months, and that instant has passed. */
	static boolean isDue(Complaint c, Instant now, int months) {
		Optional<Instant> due = dueAt(c.getFirstDispatchedAt(), months);
		return due.isPresent() && !due.get().isAfter(now)
				&& (c.getClosedAt() == null || c.getClosedAt().isAfter(due.get()))
				&& c.getStatus() != ComplaintStatus.CANCELLED;
	}

	/** The months in force for this complaint: the policy at its first dispatch. */
	static int months(Complaint c, Policies policies) {
		return policies.intAt(PolicyName.ESCALATION_MONTHS, c.getFirstDispatchedAt());
	}

	/** Whether the complaint is due at {@code now} by the policy in force at its first dispatch (false if never dispatched). */
	static boolean isDue(Complaint c, Instant now, Policies policies) {
		return c.getFirstDispatchedAt() != null && isDue(c, now, months(c, policies));
	}

	/** What pages and answers show: flagged by the job, or due. */
	static boolean shown(Complaint c, Instant now, Policies policies) {
		return c.getEscalatedAt() != null || isDue(c, now, policies);
	}
}
