package com.kcm.complaint;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.kcm.calendar.BusinessCalendar;
import com.kcm.calendar.Deadline;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * Work-order clocks from the business calendar and the policies in force at the start instant
 * (SPEC §4.2, §4.3, §4.4 and §5.1 "work-order clocks by kind"):
 * <ul>
 * <li>hotline and other-channel complaints: confirm same day, first reply dispatch + 24 h, closure by the
 * category's day limit;</li>
 * <li>repair requests: confirm same day, reply (the result) by the 3rd working day, no closure deadline;</li>
 * <li>online complaints: confirm, contact and first reply all by notification + 24 h, closure by the
 * category's day limit.</li>
 * </ul>
 */
@Component
class CalendarDeadlineRules implements DeadlineRules {

	private final BusinessCalendar calendar;
	private final Policies policies;

	CalendarDeadlineRules(BusinessCalendar calendar, Policies policies) {
		this.calendar = calendar;
		this.policies = policies;
	}

	@Override
	public WorkOrderDeadlines forDispatch(ComplaintKind kind, Channel channel, Category category, Instant at) {
		if (kind == ComplaintKind.REPAIR_REQUEST) {
			Deadline confirm = calendar.sameDayConfirmationDeadline(at);
			Deadline reply = calendar.workingDayDeadline(at, policies.intAt(PolicyName.REPAIR_REQUEST_WORKING_DAYS, at));
			return new WorkOrderDeadlines(confirm.at(), reply.at(), null, confirm.provisional() || reply.provisional());
		}
		Deadline close = calendar.dayLimitDeadline(at, policies.intAt(closureDays(category), at));
		if (channel == Channel.ONLINE) {
			Deadline contact = calendar.hourDeadline(at, policies.intAt(PolicyName.ONLINE_CONTACT_HOURS, at));
			return new WorkOrderDeadlines(contact.at(), contact.at(), close.at(), close.provisional());
		}
		Deadline confirm = calendar.sameDayConfirmationDeadline(at);
		Deadline reply = calendar.hourDeadline(at, policies.intAt(PolicyName.FIRST_REPLY_HOURS, at));
		return new WorkOrderDeadlines(confirm.at(), reply.at(), close.at(), confirm.provisional() || close.provisional());
	}

	@Override
	public Instant callbackDue(Instant closureRequestedAt) {
		return calendar.workingDayDeadline(closureRequestedAt,
				policies.intAt(PolicyName.CALLBACK_DUE_WORKING_DAYS, closureRequestedAt)).at();
	}

	static PolicyName closureDays(Category category) {
		return switch (category) {
			case SERVICE_PROCESS -> PolicyName.CLOSURE_DAYS_SERVICE_PROCESS;
			case TECHNICAL_CAPABILITY -> PolicyName.CLOSURE_DAYS_TECHNICAL_CAPABILITY;
			case PARTS_SUPPLY -> PolicyName.CLOSURE_DAYS_PARTS_SUPPLY;
			case PRODUCT_QUALITY -> PolicyName.CLOSURE_DAYS_PRODUCT_QUALITY;
			case OTHER -> PolicyName.CLOSURE_DAYS_OTHER;
		};
	}
}
