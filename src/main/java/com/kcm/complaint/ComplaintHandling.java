package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.domain.ValidationException;

/**
 * The moves of a complaint's closed loop as the roles make them (SPEC §4). Each method loads the
 * complaint within the caller's scope, checks the role the move needs, calls the one aggregate method,
 * and records the change (timeline, audit, outbox events) in the same transaction.
 */
@Service
public class ComplaintHandling {

	private static final EnumSet<Role> SPECIALIST = EnumSet.of(Role.AFTER_SALES);

	private final ComplaintAccess access;
	private final ComplaintRepository complaints;
	private final DealerCatalog dealers;
	private final DeadlineRules rules;
	private final Policies policies;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ComplaintSubCategories subCategories;

	ComplaintHandling(ComplaintAccess access, ComplaintRepository complaints, DealerCatalog dealers, DeadlineRules rules,
			Policies policies, Audit audit, ApplicationEventPublisher events, Clock clock,
			ComplaintSubCategories subCategories) {
		this.subCategories = subCategories;
		this.access = access;
		this.complaints = complaints;
		this.dealers = dealers;
		this.rules = rules;
		this.policies = policies;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Dispatch (or, for an online complaint, the phone notification of the dealer). */
	@Transactional
	public void dispatch(long complaintId, String dealerCode, String category, String suggestion,
			String dealerContact) {
		dispatched(complaintId, dealerCode, category, null, suggestion, dealerContact);
	}

	/** Dispatch with the optional sub-category (must belong to the category; 422 naming subCategory). */
	@Transactional
	public void dispatch(long complaintId, String dealerCode, String category, String subCategory,
			String suggestion, String dealerContact) {
		dispatched(complaintId, dealerCode, category, subCategory, suggestion, dealerContact);
	}

	/** {@link #dispatch(long, String, String, String, String, String)}, answering the work order made. */
	@Transactional
	WorkOrder dispatched(long complaintId, String dealerCode, String category, String subCategory,
			String suggestion, String dealerContact) {
		Complaint c = access.load(complaintId);
		access.require(dispatchers(c));
		DealerSummary dealer = dealer(dealerCode);
		Category cat = parseCategory(category);
		String sub = subCategories.validFor(cat, subCategory);
		WorkOrder[] wo = new WorkOrder[1];
		change(c, (at) -> {
			wo[0] = c.dispatch(dealer.id(), cat, suggestion, at, actor(), rules,
					c.getChannel() == Channel.ONLINE ? access.user().displayName() : null, dealerContact);
			c.classifyAtDispatch(sub);
		});
		return wo[0];
	}

	@Transactional
	public void confirm(long complaintId, long workOrderId) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.DEALER, Role.AFTER_SALES));
		access.requireOwnWorkOrder(workOrder(c, workOrderId));
		change(c, at -> c.confirm(workOrderId, at, actor()));
	}

	@Transactional
	public void reply(long complaintId, long workOrderId, ReplyContent content) {
		replied(complaintId, workOrderId, content);
	}

	/** {@link #reply}, answering the reply recorded. */
	@Transactional
	Reply replied(long complaintId, long workOrderId, ReplyContent content) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.DEALER, Role.AFTER_SALES, Role.REGIONAL));
		access.requireOwnWorkOrder(workOrder(c, workOrderId));
		boolean onBehalf = !access.user().has(Role.DEALER);
		ReplyContent recorded = new ReplyContent(content.contactedCustomerAt(), content.finalResult(), content.text(),
				content.faultCause(), content.qualityDefect(), content.partsReplaced(), content.repairOrderNo(),
				content.claimNo(), content.delayReason(), onBehalf);
		Reply[] r = new Reply[1];
		change(c, at -> r[0] = c.reply(workOrderId, recorded, at, actor()));
		return r[0];
	}

	@Transactional
	public void requestClosure(long complaintId) {
		Complaint c = access.load(complaintId);
		access.require(c.getKind() == ComplaintKind.REPAIR_REQUEST ? EnumSet.of(Role.AFTER_SALES, Role.CS_AGENT)
				: SPECIALIST);
		change(c, at -> c.requestClosure(at, actor(), rules));
	}

	@Transactional
	public void recordCallback(long complaintId, CallbackAnswers answers) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.CS_AGENT));
		change(c, at -> c.recordCallback(answers, at, actor()));
	}

	@Transactional
	public void closeUnreachable(long complaintId) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.CS_SUPERVISOR));
		Instant now = clock.instant();
		change(c, at -> c.closeUnreachable(policies.intAt(PolicyName.UNREACHABLE_ATTEMPTS, now),
				policies.intAt(PolicyName.UNREACHABLE_DISTINCT_DAYS, now), at, actor()));
	}

	@Transactional
	public void transfer(long complaintId, String dealerCode, String reason) {
		transferred(complaintId, dealerCode, reason);
	}

	/** {@link #transfer}, answering the new work order. */
	@Transactional
	WorkOrder transferred(long complaintId, String dealerCode, String reason) {
		Complaint c = access.load(complaintId);
		access.require(dispatchers(c));
		DealerSummary dealer = dealer(dealerCode);
		WorkOrder[] wo = new WorkOrder[1];
		change(c, at -> wo[0] = c.transferTo(dealer.id(), reason, at, actor(), rules));
		return wo[0];
	}

	@Transactional
	public void redispatch(long complaintId, String dealerCode, String reason) {
		redispatched(complaintId, dealerCode, reason);
	}

	/** {@link #redispatch}, answering the new work order. */
	@Transactional
	WorkOrder redispatched(long complaintId, String dealerCode, String reason) {
		Complaint c = access.load(complaintId);
		access.require(dispatchers(c));
		DealerSummary dealer = dealer(dealerCode);
		WorkOrder[] wo = new WorkOrder[1];
		change(c, at -> wo[0] = c.redispatchTo(dealer.id(), reason, at, actor(), rules));
		return wo[0];
	}

	@Transactional
	public void cancel(long complaintId, String reason) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.CS_AGENT, Role.AFTER_SALES));
		change(c, at -> c.cancel(reason, at, actor()));
	}

	@Transactional
	public void correctCategory(long complaintId, String category, String reason) {
		correctCategory(complaintId, category, null, reason);
	}

	/** Corrects category and sub-category (the sub-category optional, must belong to the category). */
	@Transactional
	public void correctCategory(long complaintId, String category, String subCategory, String reason) {
		Complaint c = access.load(complaintId);
		access.require(SPECIALIST);
		Category cat = parseCategory(category);
		String sub = subCategories.validFor(cat, subCategory);
		change(c, at -> c.correctCategory(cat, sub, reason, at, actor()));
	}

	@Transactional
	public void recordRepeatCall(long complaintId, String notes) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.CS_AGENT, Role.AFTER_SALES));
		change(c, at -> c.recordRepeatCall(notes, at, actor()));
	}

	@Transactional
	public void nominateForForcedClosure(long complaintId, String reason) {
		Complaint c = access.load(complaintId);
		access.require(SPECIALIST);
		change(c, at -> c.nominateForForcedClosure(reason, at, actor()));
	}

	@Transactional
	public void enterProjectNumber(long complaintId, String number) {
		Complaint c = access.load(complaintId);
		access.require(EnumSet.of(Role.AFTER_SALES, Role.CS_AGENT));
		change(c, at -> c.enterProjectNumber(number, at, actor()));
	}

	/**
	 * Flags the complaint as major (重大抱怨, SPEC §6), within the caller's scope; the major module decides who
	 * may. The timeline gets a line {@code MAJOR_FLAGGED} with the note (the status does not change); flagging a
	 * complaint that is already major changes nothing.
	 */
	@Transactional
	public void flagMajor(long complaintId, String note) {
		Complaint c = access.load(complaintId);
		if (!c.isMajor()) {
			change(c, at -> c.markMajor(note, at, actor()));
		}
	}

	private EnumSet<Role> dispatchers(Complaint c) {
		if (c.getKind() == ComplaintKind.REPAIR_REQUEST) {
			return EnumSet.of(Role.CS_AGENT, Role.AFTER_SALES);
		}
		if (c.getChannel() == Channel.ONLINE) {
			return EnumSet.of(Role.AFTER_SALES, Role.REGIONAL);
		}
		return SPECIALIST;
	}

	private void change(Complaint c, Consumer<Instant> move) {
		ComplaintSnapshots.Snapshot before = ComplaintSnapshots.of(c);
		move.accept(clock.instant());
		complaints.flush();
		audit.changed(Audit.UPDATE, "complaint", c.getId(), before, ComplaintSnapshots.of(c));
		c.pullDomainEvents().forEach(events::publishEvent);
	}

	private Actor actor() {
		return new Actor(access.user().username());
	}

	private DealerSummary dealer(String code) {
		if (code == null || code.isBlank()) {
			throw ValidationException.of("dealerCode", "error.required");
		}
		return dealers.byCode(code.trim()).orElseThrow(() -> ValidationException.of("dealerCode",
				"complaint.dealer.unknown", code));
	}

	private static Category parseCategory(String category) {
		var v = new com.kcm.shared.domain.Violations();
		Category cat = Codes.parse(Category.class, category, "category", true, v);
		v.throwIfAny();
		return cat;
	}

	private static WorkOrder workOrder(Complaint c, long workOrderId) {
		return c.getWorkOrders().stream().filter(w -> w.getId() == workOrderId).findFirst()
				.orElseThrow(() -> new com.kcm.shared.domain.NotFoundException("work order", workOrderId));
	}
}
