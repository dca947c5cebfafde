package com.kcm.complaint;

import org.springframework.context.ApplicationContext;

/**
 * Runs the complaint module's scheduled jobs at once, for tests of the modules that react to what the jobs publish
 * (the jobs themselves are package-private).
 */
public final class ComplaintJobs {

	private final ApplicationContext context;

	public ComplaintJobs(ApplicationContext context) {
		this.context = context;
	}

	/** Escalates every complaint whose escalation instant has passed; returns how many were escalated. */
	public int escalateDue() {
		return context.getBean(EscalationJob.class).escalateDue();
	}

	/** Publishes the work-order deadline alerts due now; returns how many were published. */
	public int sweepDeadlines() {
		return context.getBean(WorkOrderDeadlineSweep.class).sweep();
	}
}
