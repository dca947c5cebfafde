package com.kcm.assessment;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.kcm.calendar.BusinessCalendar;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * How long a dealer may appeal a published statement: the SPEC §3 working-day deadline of
 * {@code APPEAL_WORKING_DAYS} (policy, default 3) from the publication instant.
 */
@Component
class AppealPeriod {

	private final Policies policies;
	private final BusinessCalendar calendar;

	AppealPeriod(Policies policies, BusinessCalendar calendar) {
		this.policies = policies;
		this.calendar = calendar;
	}

	/** The appeal deadline of a statement published at {@code published}. */
	Instant dueFrom(Instant published) {
		return calendar.workingDayDeadline(published, policies.intAt(PolicyName.APPEAL_WORKING_DAYS, published)).at();
	}
}
