package com.kcm.complaint;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import com.kcm.shared.domain.DomainException;

/**
 * A customer complaint or repair request and its closed loop (SPEC §4).
 * <p>
 * Life cycle: {@code REGISTERED} → (dispatch) {@code DISPATCHED} → (the dealer confirms or replies)
 * {@code IN_PROGRESS} → (after-sales requests closure) {@code CLOSURE_REQUESTED} → (a reached callback
 * that finds it handled) {@code CLOSED}; a reached callback that finds it not handled returns it to
 * {@code IN_PROGRESS}. Side exits: {@code CANCELLED} (before dispatch), {@code FORCE_CLOSED} (approved
 * forced closure), {@code CLOSED_UNREACHABLE} (supervisor, after enough unreachable callbacks).
 * Transfers and re-dispatches issue new {@link WorkOrder}s. Every move is checked here, refused with a
 * {@link DomainException} when illegal (changing nothing), and appended to the timeline.
 */
@Entity
@jakarta.persistence.EntityListeners(ComplaintChanges.Listener.class)
@Table(name = "complaint")
class Complaint {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** From a sequence in blocks of 50 (pooled-lo, migration {@code PooledIds}): inserts are batched, no key is read back. */
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_seq")
	@SequenceGenerator(name = "complaint_seq", sequenceName = "complaint_seq", allocationSize = 50)
	private Long id;
	@Version private long version;

	// what was registered
	@Column(name = "external_id") private String externalId;
	@Enumerated(EnumType.STRING) @Column(nullable = false) private ComplaintKind kind;
	@Enumerated(EnumType.STRING) @Column(nullable = false) private Channel channel;
	@Enumerated(EnumType.STRING) private Category category;
	/** The sub-category code of the classification standard (optional; see ComplaintSubCategories). */
	@Column(name = "sub_category") private String subCategory;
	@Column(nullable = false) private String description;
	@Column(name = "customer_id") private Long customerId;
	/** The customer's name as given at registration (or the forum handle of an online author). */
	@Column(name = "customer_name", nullable = false) private String customerName;
	@Column(name = "vehicle_id") private Long vehicleId;
	@Enumerated(EnumType.STRING) @Column(name = "complainant_type", nullable = false) private ComplainantType complainantType;
	@Column(name = "complainant_name") private String complainantName;
	@Enumerated(EnumType.STRING) @Column(name = "repair_reason") private RepairReason repairReason;
	@Embedded private OnlinePost online;
	@Column(name = "green_channel", nullable = false) private boolean greenChannel;
	@Column(nullable = false) private boolean major;
	@Column(name = "registered_at", nullable = false) private Instant registeredAt;
	@Column(name = "registered_by", nullable = false) private String registeredBy;

	// where it stands
	@Enumerated(EnumType.STRING) @Column(nullable = false) private ComplaintStatus status;
	/** The dealer of the first (not voided) work order: the one it counts against (SPEC §5.2). */
	@Column(name = "responsible_dealer_id") private Long responsibleDealerId;
	/** The dealer of the current work order. */
	@Column(name = "handling_dealer_id") private Long handlingDealerId;
	private String suggestion;
	@Column(name = "first_dispatched_at") private Instant firstDispatchedAt;
	@Column(name = "closure_round", nullable = false) private int closureRound;
	@Column(name = "closure_requested_at") private Instant closureRequestedAt;
	@Column(name = "callback_due_at") private Instant callbackDueAt;
	@Column(name = "closed_at") private Instant closedAt;
	@Column(name = "nominated_at") private Instant nominatedAt;
	@Column(name = "forced_closure_reason") private String forcedClosureReason;
	@Column(name = "escalated_at") private Instant escalatedAt;
	@Column(name = "project_no") private String projectNo;
	@Column(name = "last_event_at", nullable = false) private Instant lastEventAt;

	@OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL)
	@OrderBy("seq")
	private List<WorkOrder> workOrders = new ArrayList<>();

	@OneToMany(mappedBy = "complaint", cascade = CascadeType.PERSIST)
	@OrderBy("at, id")
	private List<ComplaintEvent> events = new ArrayList<>();

	@OneToMany(mappedBy = "complaint", cascade = CascadeType.PERSIST)
	@OrderBy("at, id")
	private List<Callback> callbacks = new ArrayList<>();

	@Transient
	private List<Supplier<Object>> pending = new ArrayList<>();

	protected Complaint() {
	}

	// ---- registration -------------------------------------------------------------------------

	/** An agent (or after-sales, for online posts) registers a case. */
	public static Complaint register(NewComplaint n, Instant at, Actor actor) {
		n.checked();
		Complaint c = new Complaint();
		c.externalId = n.externalId();
		c.kind = n.kind();
		c.channel = n.channel();
		c.category = n.category();
		c.description = n.description();
		c.customerId = n.customerId();
		c.customerName = n.customerName().trim();
		c.vehicleId = n.vehicleId();
		c.complainantType = n.complainantType() == null ? ComplainantType.CUSTOMER : n.complainantType();
		c.complainantName = n.complainantName();
		c.repairReason = n.kind() == ComplaintKind.REPAIR_REQUEST ? n.repairReason() : null;
		c.online = n.channel() == Channel.ONLINE ? n.online() : null;
		c.greenChannel = n.greenChannel();
		c.major = n.major();
		c.status = ComplaintStatus.REGISTERED;
		c.registeredAt = at;
		c.registeredBy = actor.username();
		c.lastEventAt = at;
		c.append(EventType.REGISTERED, at, actor, null, ComplaintStatus.REGISTERED, null, null);
		c.pending.add(() -> new ComplaintRegistered(c.id, at));
		return c;
	}

	/** Registered in error: only before dispatch. */
	public void cancel(String reason, Instant at, Actor actor) {
		requireStatus("cancel", ComplaintStatus.REGISTERED);
		requireText(reason, "complaint.reason.required");
		move(ComplaintStatus.CANCELLED, EventType.CANCELLED, at, actor, null, reason);
	}

	/** A call about this still-open complaint: recorded on it, never counted as a new complaint. */
	public void recordRepeatCall(String notes, Instant at, Actor actor) {
		if (status.isClosed() || status == ComplaintStatus.CANCELLED) {
			throw new DomainException("complaint.repeat.closed");
		}
		checkOrder(at);
		append(EventType.REPEAT_CALL, at, actor, status, status, currentWorkOrder().orElse(null), notes);
	}

	// ---- dispatch, transfer, re-dispatch ------------------------------------------------------

	/**
	 * After-sales (customer service for repair requests) classifies the case and issues the first work
	 * order; for an online complaint this is the phone notification of the dealer. The clocks start now.
	 */
	public WorkOrder dispatch(long dealerId, Category category, String suggestion, Instant at, Actor actor,
			DeadlineRules rules, String notifiedBy, String dealerContact) {
		requireStatus("dispatch", ComplaintStatus.REGISTERED);
		if (category == null) {
			throw new DomainException("complaint.category.required");
		}
		checkOrder(at);
		this.category = category;
		this.suggestion = suggestion;
		WorkOrder wo = issue(dealerId, false, at, actor, rules, notifiedBy, dealerContact);
		this.responsibleDealerId = dealerId;
		this.handlingDealerId = dealerId;
		this.firstDispatchedAt = at;
		move(ComplaintStatus.DISPATCHED, EventType.DISPATCHED, at, actor, wo, suggestion);
		return wo;
	}

	/**
	 * The customer asks for another dealer: a new work order with fresh clocks; the original dealer stays
	 * responsible (it still counts against its limit), the new one handles it.
	 */
	public WorkOrder transferTo(long dealerId, String reason, Instant at, Actor actor, DeadlineRules rules) {
		requireStatus("transfer", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS);
		WorkOrder current = currentWorkOrder().orElseThrow();
		if (current.getDealerId() == dealerId) {
			throw new DomainException("complaint.transfer.sameDealer");
		}
		checkOrder(at);
		current.end(WorkOrderStatus.TRANSFERRED, at);
		WorkOrder wo = issue(dealerId, true, at, actor, rules, null, null);
		this.handlingDealerId = dealerId;
		append(EventType.TRANSFERRED, at, actor, status, status, wo, reason);
		return wo;
	}

	/**
	 * Re-dispatch (改派): the current work order went to the wrong dealer and has no reply yet. It is
	 * voided (counts nowhere) and a new one issued with clocks from now. When the voided one was the
	 * complaint's first, the new dealer becomes the responsible dealer.
	 */
	public WorkOrder redispatchTo(long dealerId, String reason, Instant at, Actor actor, DeadlineRules rules) {
		requireStatus("redispatch", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS);
		WorkOrder current = currentWorkOrder().orElseThrow();
		if (current.hasReplies()) {
			throw new DomainException("complaint.redispatch.replied");
		}
		if (current.getDealerId() == dealerId) {
			throw new DomainException("complaint.redispatch.sameDealer");
		}
		checkOrder(at);
		current.end(WorkOrderStatus.VOIDED, at);
		boolean wasFirst = !current.isTransfer();
		WorkOrder wo = issue(dealerId, current.isTransfer(), at, actor, rules, null, null);
		this.handlingDealerId = dealerId;
		if (wasFirst) {
			this.responsibleDealerId = dealerId;
			this.firstDispatchedAt = at;
			move(ComplaintStatus.DISPATCHED, EventType.REDISPATCHED, at, actor, wo, reason);
		} else {
			append(EventType.REDISPATCHED, at, actor, status, status, wo, reason);
		}
		return wo;
	}

	private WorkOrder issue(long dealerId, boolean transfer, Instant at, Actor actor, DeadlineRules rules,
			String notifiedBy, String dealerContact) {
		WorkOrderDeadlines d = rules.forDispatch(kind, channel, category, at);
		WorkOrder wo = new WorkOrder(this, workOrders.size() + 1, dealerId, transfer, at, actor, d, notifiedBy,
				dealerContact);
		workOrders.add(wo);
		pending.add(() -> new ComplaintDispatched(id, wo.getId(), dealerId, at));
		return wo;
	}

	// ---- the dealer's part ------------------------------------------------------------------------

	/** The dealer confirms receipt of its work order. */
	public void confirm(long workOrderId, Instant at, Actor actor) {
		requireStatus("confirm", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS);
		confirm(current(workOrderId), at, actor);
	}

	/** Confirms whatever work order is current (history import, where ids are not known yet). */
	public void confirmCurrent(Instant at, Actor actor) {
		requireStatus("confirm", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS);
		confirm(currentWorkOrder().orElseThrow(() -> new DomainException("complaint.workOrder.none")), at, actor);
	}

	private void confirm(WorkOrder wo, Instant at, Actor actor) {
		if (wo.getStatus() != WorkOrderStatus.DISPATCHED) {
			throw new DomainException("complaint.confirm.already");
		}
		checkOrder(at);
		confirmOrder(wo, at, actor);
	}

	private void confirmOrder(WorkOrder wo, Instant at, Actor actor) {
		wo.confirm(at);
		ComplaintStatus to = status == ComplaintStatus.DISPATCHED ? ComplaintStatus.IN_PROGRESS : status;
		move(to, EventType.CONFIRMED, at, actor, wo, null);
	}

	/**
	 * The dealer (or after-sales on its behalf) reports. A reply on an unconfirmed work order confirms
	 * it at the same instant. A product-quality result must state fault cause, quality defect and parts.
	 */
	public Reply reply(long workOrderId, ReplyContent content, Instant at, Actor actor) {
		requireStatus("reply", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.CLOSURE_REQUESTED);
		return reply(current(workOrderId), content, at, actor);
	}

	/** A reply on whatever work order is current (history import). */
	public Reply replyCurrent(ReplyContent content, Instant at, Actor actor) {
		requireStatus("reply", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.CLOSURE_REQUESTED);
		return reply(currentWorkOrder().orElseThrow(() -> new DomainException("complaint.workOrder.none")), content, at,
				actor);
	}

	private Reply reply(WorkOrder wo, ReplyContent content, Instant at, Actor actor) {
		content.check(category, wo.getCloseDueAt(), at);
		checkOrder(at);
		if (wo.getStatus() == WorkOrderStatus.DISPATCHED) {
			confirmOrder(wo, at, actor);
		}
		Reply reply = wo.addReply(content, at, actor);
		append(EventType.REPLIED, at, actor, status, status, wo, content.text());
		pending.add(() -> new WorkOrderReplied(id, wo.getId(), wo.getDealerId(), at));
		return reply;
	}

	// ---- closure ------------------------------------------------------------------------------

	/** After-sales finds the closure conditions met; customer service now owes the callback. */
	public void requestClosure(Instant at, Actor actor, DeadlineRules rules) {
		requireStatus("requestClosure", ComplaintStatus.IN_PROGRESS);
		WorkOrder wo = currentWorkOrder().orElseThrow();
		if (!wo.hasReplies()) {
			throw new DomainException("complaint.closure.noReply");
		}
		checkOrder(at);
		closureRound++;
		closureRequestedAt = at;
		callbackDueAt = rules.callbackDue(at);
		move(ComplaintStatus.CLOSURE_REQUESTED, EventType.CLOSURE_REQUESTED, at, actor, wo, null);
		Instant due = callbackDueAt;
		pending.add(() -> new ClosureRequested(id, at, due));
	}

	/**
	 * Customer service calls the customer back. The only way to {@code CLOSED}: reached and handled (for an
	 * online complaint: handled <em>and</em> satisfied). Reached but not handled returns it to the dealer.
	 */
	public Callback recordCallback(CallbackAnswers answers, Instant at, Actor actor) {
		requireStatus("callback", ComplaintStatus.CLOSURE_REQUESTED);
		CallbackAnswers a = answers.normalised();
		if (a.reached() && (a.resolved() == null || a.satisfied() == null)) {
			throw new DomainException("complaint.callback.answers.required");
		}
		checkOrder(at);
		Callback cb = new Callback(this, closureRound, a, at, actor);
		callbacks.add(cb);
		WorkOrder wo = currentWorkOrder().orElseThrow();
		String detail = a.notes();
		if (!a.reached()) {
			append(EventType.CALLBACK, at, actor, status, status, wo, detail);
		} else if (a.resolved() && (channel != Channel.ONLINE || a.satisfied())) {
			closeAs(ComplaintStatus.CLOSED, EventType.CALLBACK, at, actor, detail);
		} else {
			move(ComplaintStatus.IN_PROGRESS, EventType.CALLBACK, at, actor, wo, detail);
			pending.add(() -> new ComplaintReturned(id, wo.getId(), wo.getDealerId(), at));
		}
		pending.add(() -> new CallbackRecorded(id, a.reached(), at));
		return cb;
	}

	/** Unreachable callbacks since the latest closure request, and on how many different local dates. */
	public UnreachableAttempts unreachableAttempts() {
		return UnreachableAttempts.of(callbacks, closureRound);
	}

	/** The supervisor closes a complaint whose customer could not be reached often enough, on enough days. */
	public void closeUnreachable(int attemptsRequired, int daysRequired, Instant at, Actor actor) {
		requireStatus("closeUnreachable", ComplaintStatus.CLOSURE_REQUESTED);
		UnreachableAttempts u = unreachableAttempts();
		if (u.attempts() < attemptsRequired || u.distinctDays() < daysRequired) {
			throw new DomainException("complaint.unreachable.notEnough", attemptsRequired, daysRequired, u.attempts(),
					u.distinctDays());
		}
		checkOrder(at);
		closeAs(ComplaintStatus.CLOSED_UNREACHABLE, EventType.CLOSED_UNREACHABLE, at, actor, null);
	}

	/** After-sales proposes the complaint for this month's forced-closure list (reason required). */
	public void nominateForForcedClosure(String reason, Instant at, Actor actor) {
		requireStatus("nominate", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.CLOSURE_REQUESTED);
		requireText(reason, "complaint.reason.required");
		checkOrder(at);
		nominatedAt = at;
		forcedClosureReason = reason;
		append(EventType.NOMINATED_FOR_FORCED_CLOSURE, at, actor, status, status, currentWorkOrder().orElse(null), reason);
		pending.add(() -> new NominatedForForcedClosure(id, reason, at, actor.username()));
	}

	/** After-sales takes a nomination back before the month's list is approved. */
	public void withdrawForcedClosureNomination(String note, Instant at, Actor actor) {
		if (nominatedAt == null) {
			throw new DomainException("complaint.nomination.none");
		}
		requireStatus("withdrawNomination", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS,
				ComplaintStatus.CLOSURE_REQUESTED);
		checkOrder(at);
		nominatedAt = null;
		forcedClosureReason = null;
		append(EventType.FORCED_CLOSURE_NOMINATION_WITHDRAWN, at, actor, status, status,
				currentWorkOrder().orElse(null), note);
	}

	/**
	 * The manager approved the list holding this complaint: {@code FORCE_CLOSED}. {@code reason} may be
	 * {@code null} when the nomination gave one (a historical import gives it here).
	 */
	public void forceClose(String reason, Instant at, Actor actor) {
		requireStatus("forceClose", ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.CLOSURE_REQUESTED);
		String why = reason != null && !reason.isBlank() ? reason : forcedClosureReason;
		requireText(why, "complaint.reason.required");
		checkOrder(at);
		forcedClosureReason = why;
		closeAs(ComplaintStatus.FORCE_CLOSED, EventType.FORCE_CLOSED, at, actor, why);
	}

	private void closeAs(ComplaintStatus closed, EventType type, Instant at, Actor actor, String detail) {
		WorkOrder wo = currentWorkOrder().orElse(null);
		if (wo != null) {
			wo.end(WorkOrderStatus.CLOSED, at);
		}
		closedAt = at;
		move(closed, type, at, actor, wo, detail);
		pending.add(() -> new ComplaintClosed(id, closed, at));
	}

	// ---- escalation, corrections -------------------------------------------------------------

	/** Flags the complaint as escalated (立项) — done by the scheduled job, once. */
	public boolean escalate(Instant at, int months) {
		if (escalatedAt != null || !Escalation.isDue(this, at, months)) {
			return false;
		}
		escalatedAt = at;
		append(EventType.ESCALATED, at, Actor.SYSTEM, status, status, currentWorkOrder().orElse(null), null);
		pending.add(() -> new ComplaintEscalated(id, at));
		return true;
	}

	/** The company project number of an escalated complaint. */
	public void enterProjectNumber(String number, Instant at, Actor actor) {
		if (escalatedAt == null) {
			throw new DomainException("complaint.project.notEscalated");
		}
		requireText(number, "complaint.project.required");
		projectNo = number.trim();
		append(EventType.PROJECT_NUMBER, at, actor, status, status, null, projectNo);
	}

	/**
	 * Corrects the category and sub-category (the sub-category, already checked to belong to the category, may be
	 * null); either changing is a correction, recorded in the timeline with both before and after. Deadlines
	 * already set do not move (SPEC §4.2 step 6).
	 */
	public void correctCategory(Category newCategory, String newSubCategory, String reason, Instant at, Actor actor) {
		if (category == null || status == ComplaintStatus.REGISTERED || status == ComplaintStatus.CANCELLED) {
			throw new DomainException("complaint.category.notYetSet");
		}
		if (newCategory == null || newCategory == category && java.util.Objects.equals(newSubCategory, subCategory)) {
			throw new DomainException("complaint.category.unchanged");
		}
		checkOrder(at);
		String detail = classification(category, subCategory) + " → " + classification(newCategory, newSubCategory)
				+ (reason == null || reason.isBlank() ? "" : "：" + reason);
		category = newCategory;
		subCategory = newSubCategory;
		append(EventType.CATEGORY_CORRECTED, at, actor, status, status, null, detail);
	}

	private static String classification(Category category, String subCategory) {
		return subCategory == null ? String.valueOf(category) : category + "/" + subCategory;
	}

	/** Records the sub-category chosen at dispatch (checked by the caller to belong to the category). */
	void classifyAtDispatch(String subCategory) {
		this.subCategory = subCategory;
	}

	/**
	 * Flags the complaint as major (重大抱怨, SPEC §6): a line of the timeline, the status unchanged. Flagging a
	 * complaint that is already major changes nothing.
	 */
	public void markMajor(String detail, Instant at, Actor actor) {
		if (major) {
			return;
		}
		major = true;
		append(EventType.MAJOR_FLAGGED, at, actor, status, status, currentWorkOrder().orElse(null), detail);
	}

	/** An imported history's major flag: when it was flagged is not known, so the timeline gets no line. */
	void markMajorImported() {
		major = true;
	}

	/** A screenshot of the post of an online complaint was attached: a line of the timeline, the status unchanged. */
	public void recordScreenshot(String detail, Instant at, Actor actor) {
		if (channel != Channel.ONLINE) {
			throw new DomainException("complaint.screenshot.notOnline");
		}
		append(EventType.SCREENSHOT_ADDED, at, actor, status, status, null, detail);
	}

	/** A merged customer's complaints follow the survivor. */
	void repointCustomer(long survivorId) {
		this.customerId = survivorId;
	}

	// ---- helpers --------------------------------------------------------------------------------

	/** The work order the dealer is working on now (not transferred away, not voided). */
	public Optional<WorkOrder> currentWorkOrder() {
		for (int i = workOrders.size() - 1; i >= 0; i--) {
			WorkOrder wo = workOrders.get(i);
			if (wo.getStatus() != WorkOrderStatus.VOIDED && wo.getStatus() != WorkOrderStatus.TRANSFERRED) {
				return Optional.of(wo);
			}
		}
		return Optional.empty();
	}

	private WorkOrder current(long workOrderId) {
		WorkOrder wo = currentWorkOrder().orElseThrow(() -> new DomainException("complaint.workOrder.none"));
		if (!Objects.equals(wo.getId(), workOrderId)) {
			throw new DomainException("complaint.workOrder.notCurrent");
		}
		return wo;
	}

	private void requireStatus(String move, ComplaintStatus... allowed) {
		for (ComplaintStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw new DomainException("complaint.illegal." + move, status);
	}

	private static void requireText(String s, String code) {
		if (s == null || s.isBlank()) {
			throw new DomainException(code);
		}
	}

	private void checkOrder(Instant at) {
		if (at.isBefore(lastEventAt)) {
			throw new DomainException("complaint.event.outOfOrder");
		}
	}

	private void move(ComplaintStatus to, EventType type, Instant at, Actor actor, WorkOrder wo, String detail) {
		ComplaintStatus from = status;
		status = to;
		append(type, at, actor, from, to, wo, detail);
	}

	private void append(EventType type, Instant at, Actor actor, ComplaintStatus from, ComplaintStatus to,
			WorkOrder wo, String detail) {
		events.add(new ComplaintEvent(this, type, at, actor, from, to, wo, wo == null ? null : wo.getDealerId(),
				detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail, category));
		if (at.isAfter(lastEventAt)) {
			lastEventAt = at;
		}
	}

	/** Domain events of the moves made since the last call, built now that ids are assigned (after flush). */
	public List<Object> pullDomainEvents() {
		List<Object> out = pending.stream().map(Supplier::get).toList();
		pending.clear();
		return out;
	}

	/** Takes the id a complaint just registered is written under with plain JDBC ({@link RegistrationRows}). */
	void assignId(long newId) {
		if (id != null || !workOrders.isEmpty() || !callbacks.isEmpty()) {
			throw new IllegalStateException("only a complaint just registered is written as rows");
		}
		id = newId;
	}

	// ---- read access --------------------------------------------------------------------------

	public Long getId() { return id; }
	public String getExternalId() { return externalId; }
	public ComplaintKind getKind() { return kind; }
	public Channel getChannel() { return channel; }
	public Category getCategory() { return category; }
	public String getSubCategory() { return subCategory; }
	public String getDescription() { return description; }
	public Long getCustomerId() { return customerId; }
	public String getCustomerName() { return customerName; }

	public Long getVehicleId() { return vehicleId; }
	public ComplainantType getComplainantType() { return complainantType; }
	public String getComplainantName() { return complainantName; }
	public RepairReason getRepairReason() { return repairReason; }
	public OnlinePost getOnline() { return online; }
	public boolean isGreenChannel() { return greenChannel; }
	public boolean isMajor() { return major; }
	public ComplaintStatus getStatus() { return status; }
	public Long getResponsibleDealerId() { return responsibleDealerId; }
	public Long getHandlingDealerId() { return handlingDealerId; }
	public String getSuggestion() { return suggestion; }
	public Instant getRegisteredAt() { return registeredAt; }
	public String getRegisteredBy() { return registeredBy; }
	public Instant getFirstDispatchedAt() { return firstDispatchedAt; }
	public int getClosureRound() { return closureRound; }
	public Instant getClosureRequestedAt() { return closureRequestedAt; }
	public Instant getCallbackDueAt() { return callbackDueAt; }
	public Instant getClosedAt() { return closedAt; }
	public Instant getNominatedAt() { return nominatedAt; }
	public String getForcedClosureReason() { return forcedClosureReason; }
	public Instant getEscalatedAt() { return escalatedAt; }
	public String getProjectNo() { return projectNo; }
	// the columns RegistrationRows writes that nothing else reads
	Instant lastEventAt() { return lastEventAt; }
	long version() { return version; }
	public List<WorkOrder> getWorkOrders() { return Collections.unmodifiableList(workOrders); }
	public List<ComplaintEvent> getEvents() { return Collections.unmodifiableList(events); }
	public List<Callback> getCallbacks() { return Collections.unmodifiableList(callbacks); }
}
