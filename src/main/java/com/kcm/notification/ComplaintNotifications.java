package com.kcm.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.kcm.complaint.ComplaintDispatched;
import com.kcm.complaint.ComplaintEscalated;
import com.kcm.complaint.ComplaintNotices;
import com.kcm.complaint.ComplaintNotices.ComplaintNotice;
import com.kcm.complaint.ComplaintNotices.WorkOrderNotice;
import com.kcm.complaint.ComplaintReturned;
import com.kcm.complaint.WorkOrderDueSoon;
import com.kcm.complaint.WorkOrderOverdue;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Role;
import com.kcm.identity.UserContacts;
import com.kcm.identity.UserContacts.Contact;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * Reacts to the complaint module's events after their transaction committed (asynchronously, tracked by the
 * event publication registry, so an event whose listener failed or never ran is delivered again):
 * <ul>
 * <li>work order dispatched, transferred or re-dispatched → the dealer (e-mail and SMS);</li>
 * <li>due soon / overdue → the dealer;</li>
 * <li>returned after a callback → the dealer;</li>
 * <li>escalated → after-sales and customer-service users with an e-mail address.</li>
 * </ul>
 * The listeners run without a surrounding transaction: each step (reads, the sent-once claim, the mark)
 * takes its own short one, so no database connection is held while a gateway is talking.
 */
@Component
class ComplaintNotifications {

	static final EnumSet<Role> ESCALATION_ROLES = EnumSet.of(Role.AFTER_SALES, Role.AFTER_SALES_MANAGER,
			Role.CS_AGENT, Role.CS_SUPERVISOR);
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final ComplaintNotices complaints;
	private final DealerCatalog dealers;
	private final UserContacts users;
	private final Policies policies;
	private final NotificationTexts texts;
	private final SentNotifications sent;

	ComplaintNotifications(ComplaintNotices complaints, DealerCatalog dealers, UserContacts users, Policies policies,
			NotificationTexts texts, SentNotifications sent) {
		this.complaints = complaints;
		this.dealers = dealers;
		this.users = users;
		this.policies = policies;
		this.texts = texts;
		this.sent = sent;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ComplaintDispatched event) {
		Optional<WorkOrderNotice> wo = complaints.workOrder(event.workOrderId()).filter(WorkOrderNotice::isCurrent);
		Optional<ComplaintNotice> c = complaints.complaint(event.complaintId());
		Optional<DealerSummary> dealer = dealers.byId(event.dealerId());
		if (wo.isEmpty() || c.isEmpty() || dealer.isEmpty()) {
			return; // re-dispatched or closed meanwhile: nothing to tell the dealer any more
		}
		WorkOrderNotice w = wo.get();
		String how = texts.text(w.seq() == 1 ? "notification.dispatched.how.first"
				: w.transfer() ? "notification.dispatched.how.transfer" : "notification.dispatched.how.redispatch");
		Object[] args = { String.valueOf(c.get().id()), dealer.get().label(), how, c.get().customerName(),
				texts.label("category", c.get().category()), NotificationTexts.time(w.confirmDueAt()),
				NotificationTexts.time(w.replyDueAt()), NotificationTexts.time(w.closeDueAt()),
				texts.complaintLink(c.get().id()) };
		sent.deliverAll(toDealer(dealer.get(), "DISPATCHED|wo:" + w.id(), "DISPATCHED", c.get().id(), w.id(),
				"notification.dispatched", args));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(WorkOrderDueSoon event) {
		deadline("DUE_SOON", "notification.dueSoon", event.complaintId(), event.workOrderId(), event.dealerId(),
				event.deadline(), event.dueAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(WorkOrderOverdue event) {
		deadline("OVERDUE", "notification.overdue", event.complaintId(), event.workOrderId(), event.dealerId(),
				event.deadline(), event.dueAt());
	}

	private void deadline(String kind, String code, long complaintId, long workOrderId, long dealerId,
			Enum<?> deadline, java.time.Instant dueAt) {
		Optional<WorkOrderNotice> wo = complaints.workOrder(workOrderId)
				.filter(w -> w.isCurrent() && dueAt.equals(w.nextDueAt()));
		Optional<ComplaintNotice> c = complaints.complaint(complaintId);
		Optional<DealerSummary> dealer = dealers.byId(dealerId);
		if (wo.isEmpty() || c.isEmpty() || dealer.isEmpty()) {
			return; // the dealer met the deadline meanwhile, or the work order ended
		}
		Object[] args = { String.valueOf(complaintId), dealer.get().label(), texts.label("deadline", deadline),
				c.get().customerName(), NotificationTexts.time(dueAt), texts.complaintLink(complaintId) };
		sent.deliverAll(toDealer(dealer.get(), kind + "|wo:" + workOrderId + "|" + deadline.name(), kind, complaintId,
				workOrderId, code, args));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ComplaintReturned event) {
		Optional<ComplaintNotice> c = complaints.complaint(event.complaintId());
		Optional<DealerSummary> dealer = dealers.byId(event.dealerId());
		if (c.isEmpty() || dealer.isEmpty()) {
			return;
		}
		WorkOrderNotice w = c.get().current();
		Object[] args = { String.valueOf(c.get().id()), dealer.get().label(), c.get().customerName(),
				NotificationTexts.time(event.at()), w == null ? "—" : NotificationTexts.time(w.closeDueAt()),
				texts.complaintLink(c.get().id()) };
		sent.deliverAll(toDealer(dealer.get(),
				"RETURNED|wo:" + event.workOrderId() + "|at:" + event.at().toEpochMilli(), "RETURNED",
				c.get().id(), event.workOrderId(), "notification.returned", args));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ComplaintEscalated event) {
		Optional<ComplaintNotice> found = complaints.complaint(event.complaintId());
		if (found.isEmpty()) {
			return;
		}
		ComplaintNotice c = found.get();
		int months = c.firstDispatchedAt() == null ? policies.intAt(PolicyName.ESCALATION_MONTHS, event.at())
				: policies.intAt(PolicyName.ESCALATION_MONTHS, c.firstDispatchedAt());
		String dealer = Optional.ofNullable(c.handlingDealerId()).flatMap(dealers::byId).map(DealerSummary::label)
				.orElse("—");
		Object[] args = { String.valueOf(c.id()), String.valueOf(months), c.customerName(), dealer,
				NotificationTexts.time(c.firstDispatchedAt()), texts.label("status", c.status()),
				texts.complaintLink(c.id()) };
		String subject = texts.text("notification.escalated.subject", args);
		String body = texts.text("notification.escalated.body", args);
		List<OutgoingMessage> out = new ArrayList<>();
		for (Contact u : users.withAnyRole(ESCALATION_ROLES)) {
			if (u.email() != null && !u.email().isBlank()) {
				out.add(OutgoingMessage.of("ESCALATED|c:" + c.id(), "ESCALATED", DeliveryChannel.EMAIL, u.email(),
						subject, body, c.id(), null));
			}
		}
		sent.deliverAll(out);
	}

	/** E-mail to the dealer's contact e-mail, SMS to its contact phone when that is a mobile. */
	List<OutgoingMessage> toDealer(DealerSummary dealer, String what, String kind, long complaintId,
			Long workOrderId, String code, Object[] args) {
		List<OutgoingMessage> out = new ArrayList<>();
		if (dealer.contactEmail() != null && !dealer.contactEmail().isBlank()) {
			out.add(OutgoingMessage.of(what, kind, DeliveryChannel.EMAIL, dealer.contactEmail(),
					texts.text(code + ".subject", args), texts.text(code + ".body", args), complaintId, workOrderId));
		}
		String phone = dealer.contactPhone() == null ? null : dealer.contactPhone().replaceAll("[\\s-]", "");
		if (phone != null && phone.startsWith("+86")) {
			phone = phone.substring(3);
		}
		if (phone != null && MOBILE.matcher(phone).matches()) {
			out.add(OutgoingMessage.of(what, kind, DeliveryChannel.SMS, phone, null, texts.text(code + ".sms", args),
					complaintId, workOrderId));
		}
		return out;
	}
}
