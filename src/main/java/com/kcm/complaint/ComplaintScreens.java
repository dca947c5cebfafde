package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.customer.VehicleView;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * The complaint page's view of one complaint (SPEC §4): its facts, the customer masked, the vehicle, every
 * work order with its deadlines and replies, the callbacks, the screenshots of an online post and the whole timeline — read in one transaction
 * within the caller's scope (404 otherwise).
 */
@Service
@Transactional(readOnly = true)
public class ComplaintScreens {

	public record Detail(long id, String externalId, ComplaintKind kind, Channel channel, Category category,
			ComplaintStatus status, String description, String customerName, String customerPhone,
			String customerIdNumber, boolean keyAccount, VehicleView vehicle, ComplainantType complainantType,
			String complainantName, RepairReason repairReason, OnlinePost online, boolean greenChannel, boolean major,
			boolean escalated, Instant escalatedAt, String projectNo, String responsibleDealer, String handlingDealer,
			String suggestion, Instant registeredAt, String registeredBy, Instant firstDispatchedAt,
			Instant closureRequestedAt, Instant callbackDueAt, Instant closedAt, Instant nominatedAt,
			String forcedClosureReason, int closureRound, int unreachableAttempts, int unreachableDays,
			int attemptsRequired, int daysRequired, Long currentWorkOrderId, Long currentDealerId,
			boolean currentReplied, List<WorkOrderView> workOrders, List<CallbackLine> callbacks,
			List<EventLine> events, Map<Long, String> dealerLabels, List<ScreenshotLine> screenshots,
			String subCategory) {

		public boolean open() {
			return status != ComplaintStatus.CANCELLED && !status.isClosed();
		}

		public boolean unreachableClosureAllowed() {
			return status == ComplaintStatus.CLOSURE_REQUESTED && unreachableAttempts >= attemptsRequired
					&& unreachableDays >= daysRequired;
		}

		public boolean callbackOverdue(Instant now) {
			return status == ComplaintStatus.CLOSURE_REQUESTED && callbackDueAt != null && now.isAfter(callbackDueAt);
		}

		public String dealerLabel(Long dealerId) {
			return dealerId == null ? null : dealerLabels.get(dealerId);
		}
	}

	public record WorkOrderView(long id, int seq, long dealerId, String dealer, WorkOrderStatus status, boolean transfer,
			Instant dispatchedAt, String dispatchedBy, Instant confirmDueAt, Instant replyDueAt, Instant closeDueAt,
			boolean provisional, Instant confirmedAt, Instant firstReplyAt, Instant firstContactAt, Instant endedAt,
			Instant nextDueAt, boolean overdue, String notifiedBy, String dealerContact, boolean current,
			List<ReplyLine> replies) {
	}

	/** One event of the timeline, as shown. */
	public record EventLine(long id, Instant at, EventType type, String actor, Long workOrderId, Long dealerId,
			ComplaintStatus fromStatus, ComplaintStatus toStatus, Category category, String detail) {

		static EventLine of(ComplaintEvent e) {
			return new EventLine(e.getId(), e.getAt(), e.getType(), e.getActor(), e.getWorkOrderId(), e.getDealerId(),
					e.getFromStatus(), e.getToStatus(), e.getCategory(), e.getDetail());
		}
	}

	/** A dealer's reply to a work order, as shown. */
	public record ReplyLine(long id, Instant at, String enteredBy, boolean finalResult, boolean onDealersBehalf,
			String text, Instant contactedCustomerAt, String faultCause, Boolean qualityDefect, List<String> partsReplaced,
			String repairOrderNo, String claimNo, String delayReason) {

		static ReplyLine of(Reply r) {
			return new ReplyLine(r.getId(), r.getAt(), r.getEnteredBy(), r.isFinalResult(), r.isOnDealersBehalf(),
					r.getText(), r.getContactedCustomerAt(), r.getFaultCause(), r.getQualityDefect(),
					r.getPartsReplaced() == null ? null : List.copyOf(r.getPartsReplaced()), r.getRepairOrderNo(),
					r.getClaimNo(), r.getDelayReason());
		}
	}

	/** A callback (回访), as shown. */
	public record CallbackLine(long id, Instant at, int closureRound, String agent, boolean reached, Boolean resolved,
			Boolean satisfied, Boolean falseReply, String notes) {

		static CallbackLine of(Callback c) {
			return new CallbackLine(c.getId(), c.getAt(), c.getClosureRound(), c.getAgent(), c.isReached(), c.getResolved(),
					c.getSatisfied(), c.getFalseReply(), c.getNotes());
		}
	}

	/** A screenshot of an online complaint: its id and file's name, upload instant and uploader. */
	public record ScreenshotLine(long id, String originalName, Instant uploadedAt, String uploadedBy) {

		static ScreenshotLine of(Screenshot s) {
			return new ScreenshotLine(s.getId(), s.getFile().getOriginalName(), s.getFile().getUploadedAt(),
					s.getFile().getUploadedBy());
		}
	}

	private final ComplaintAccess access;
	private final DealerCatalog dealers;
	private final Customers customers;
	private final Policies policies;
	private final Clock clock;
	private final ScreenshotRepository screenshots;

	ComplaintScreens(ComplaintAccess access, DealerCatalog dealers, Customers customers, Policies policies, Clock clock,
			ScreenshotRepository screenshots) {
		this.screenshots = screenshots;
		this.access = access;
		this.dealers = dealers;
		this.customers = customers;
		this.policies = policies;
		this.clock = clock;
	}

	public Detail detail(long id) {
		Complaint c = access.load(id);
		Instant now = clock.instant();
		Set<Long> dealerIds = new HashSet<>();
		c.getWorkOrders().forEach(w -> dealerIds.add(w.getDealerId()));
		if (c.getResponsibleDealerId() != null) {
			dealerIds.add(c.getResponsibleDealerId());
		}
		Map<Long, DealerSummary> byId = dealers.byIds(dealerIds);
		Map<Long, String> labels = new java.util.HashMap<>();
		byId.forEach((k, v) -> labels.put(k, v.label()));
		WorkOrder current = c.currentWorkOrder().orElse(null);
		List<WorkOrderView> wos = c.getWorkOrders().stream().map(w -> new WorkOrderView(w.getId(), w.getSeq(),
				w.getDealerId(), labels.get(w.getDealerId()), w.getStatus(), w.isTransfer(), w.getDispatchedAt(),
				w.getDispatchedBy(), w.getConfirmDueAt(), w.getReplyDueAt(), w.getCloseDueAt(),
				w.isDeadlinesProvisional(), w.getConfirmedAt(), w.getFirstReplyAt(), w.getFirstContactAt(),
				w.getEndedAt(), w.getNextDueAt(), w.isOverdueAt(now), w.getNotifiedBy(), w.getDealerContact(),
				w == current, w.getReplies().stream().map(ReplyLine::of).toList())).toList();
		String phone = null;
		String idNumber = null;
		boolean keyAccount = false;
		VehicleView vehicle = null;
		if (c.getCustomerId() != null) {
			CustomerView v = customers.forReference(c.getCustomerId(), false);
			phone = v.phone();
			idNumber = v.idNumber();
			keyAccount = v.keyAccount();
			vehicle = v.vehicles().stream().filter(x -> c.getVehicleId() != null && x.id() == c.getVehicleId())
					.findFirst().orElse(null);
		}
		UnreachableAttempts u = c.unreachableAttempts();
		boolean escalated = Escalation.shown(c, now, policies);
		return new Detail(c.getId(), c.getExternalId(), c.getKind(), c.getChannel(), c.getCategory(), c.getStatus(),
				c.getDescription(), c.getCustomerName(), phone, idNumber, keyAccount, vehicle, c.getComplainantType(),
				c.getComplainantName(), c.getRepairReason(), c.getOnline(), c.isGreenChannel(), c.isMajor(), escalated,
				c.getEscalatedAt(), c.getProjectNo(), labels.get(c.getResponsibleDealerId()),
				labels.get(c.getHandlingDealerId()), c.getSuggestion(), c.getRegisteredAt(), c.getRegisteredBy(),
				c.getFirstDispatchedAt(), c.getClosureRequestedAt(), c.getCallbackDueAt(), c.getClosedAt(),
				c.getNominatedAt(), c.getForcedClosureReason(), c.getClosureRound(), u.attempts(), u.distinctDays(),
				policies.intAt(PolicyName.UNREACHABLE_ATTEMPTS, now), policies.intAt(PolicyName.UNREACHABLE_DISTINCT_DAYS, now),
				current == null ? null : current.getId(), current == null ? null : current.getDealerId(),
				current != null && current.getFirstReplyAt() != null, wos,
				c.getCallbacks().stream().map(CallbackLine::of).toList(), c.getEvents().stream().map(EventLine::of).toList(),
				labels, c.getChannel() == Channel.ONLINE
						? screenshots.findByComplaintIdOrderByIdAsc(c.getId()).stream().map(ScreenshotLine::of).toList()
						: List.of(),
				c.getSubCategory());
	}
}
