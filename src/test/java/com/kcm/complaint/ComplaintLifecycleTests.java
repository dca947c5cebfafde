package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.kcm.shared.domain.DomainException;

/** Every transition of SPEC §4.2 and every refusal, on the aggregate alone. */
class ComplaintLifecycleTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final Actor AGENT = new Actor("agent");
	static final Actor SPECIALIST = new Actor("aftersales");
	static final Actor DEALER = new Actor("dealer.d0001");
	static final long D1 = 1, D2 = 2, D3 = 3;

	/** Fixed clocks: confirm +8 h, reply +24 h, close +3 days (none for repair requests), callback +1 day. */
	static final DeadlineRules RULES = new DeadlineRules() {
		@Override
		public WorkOrderDeadlines forDispatch(ComplaintKind kind, Channel channel, Category category, Instant at) {
			return new WorkOrderDeadlines(at.plus(Duration.ofHours(8)), at.plus(Duration.ofHours(24)),
					kind == ComplaintKind.REPAIR_REQUEST ? null : at.plus(Duration.ofDays(3)), false);
		}

		@Override
		public Instant callbackDue(Instant closureRequestedAt) {
			return closureRequestedAt.plus(Duration.ofDays(1));
		}
	};

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	private final AtomicLong ids = new AtomicLong(100);

	/** Gives new work orders ids as the database would at flush. */
	private void flush(Complaint c) {
		try {
			Field cid = Complaint.class.getDeclaredField("id");
			cid.setAccessible(true);
			if (c.getId() == null) {
				cid.set(c, ids.incrementAndGet());
			}
			Field f = WorkOrder.class.getDeclaredField("id");
			f.setAccessible(true);
			for (WorkOrder wo : c.getWorkOrders()) {
				if (wo.getId() == null) {
					f.set(wo, ids.incrementAndGet());
				}
			}
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	Complaint registered(Channel channel, ComplaintKind kind) {
		OnlinePost post = channel == Channel.ONLINE
				? new OnlinePost("汽车之家", "https://example.invalid/t/1", at("2026-11-02T08:00"), "车主小王", "刹车异响", true)
				: null;
		return Complaint.register(new NewComplaint(null, kind, channel, null, "刹车异响，多次维修未解决", channel == Channel.ONLINE ? null : 7L, "王先生",
				null, null, null, kind == ComplaintKind.REPAIR_REQUEST ? RepairReason.NOT_YET_SEEN : null, post, false,
				false), at("2026-11-02T09:00"), AGENT);
	}

	Complaint dispatched(Category category) {
		Complaint c = registered(Channel.HOTLINE_400, ComplaintKind.COMPLAINT);
		c.dispatch(D1, category, "请尽快联系客户", at("2026-11-02T10:00"), SPECIALIST, RULES, null, null);
		flush(c);
		return c;
	}

	long current(Complaint c) {
		return c.currentWorkOrder().orElseThrow().getId();
	}

	ReplyContent finalReply() {
		return new ReplyContent(at("2026-11-02T11:00"), true, "已更换刹车片，客户认可", null, null, null, "RO-1", null, null, false);
	}

	Complaint inProgressWithReply() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		c.reply(current(c), finalReply(), at("2026-11-02T12:00"), DEALER);
		return c;
	}

	Complaint closureRequested() {
		Complaint c = inProgressWithReply();
		c.requestClosure(at("2026-11-03T09:00"), SPECIALIST, RULES);
		return c;
	}

	@Test
	void registeringStartsTheTimeline() {
		Complaint c = registered(Channel.HOTLINE_400, ComplaintKind.COMPLAINT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
		assertThat(c.getEvents()).extracting(ComplaintEvent::getType).containsExactly(EventType.REGISTERED);
		assertThat(c.getEvents().get(0).getActor()).isEqualTo("agent");
	}

	@Test
	void aRepairRequestMayLackItsReasonButAHotlineComplaintNeedsItsCustomer() {
		Complaint unknownReason = Complaint.register(new NewComplaint(null, ComplaintKind.REPAIR_REQUEST,
				Channel.HOTLINE_400, null, "x", 1L, "王先生", null, null, null, null, null, false, false),
				at("2026-11-02T09:00"), AGENT);
		assertThat(unknownReason.getRepairReason()).as("SPEC §4.1: stored as unknown").isNull();
		assertThatThrownBy(() -> Complaint.register(new NewComplaint(null, ComplaintKind.COMPLAINT, Channel.HOTLINE_400,
				null, "x", null, "王先生", null, null, null, null, null, false, false), at("2026-11-02T09:00"), AGENT))
				.hasMessage("complaint.customer.required");
	}

	@Test
	void dispatchStartsTheClocksAndMakesTheDealerResponsible() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		WorkOrder wo = c.currentWorkOrder().orElseThrow();
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.DISPATCHED);
		assertThat(c.getResponsibleDealerId()).isEqualTo(D1);
		assertThat(wo.getDispatchedAt()).isEqualTo(at("2026-11-02T10:00"));
		assertThat(wo.getReplyDueAt()).isEqualTo(at("2026-11-03T10:00"));
		assertThat(wo.getCloseDueAt()).isEqualTo(at("2026-11-05T10:00"));
	}

	@Test
	void dispatchNeedsACategoryAndHappensOnlyOnce() {
		Complaint c = registered(Channel.HOTLINE_400, ComplaintKind.COMPLAINT);
		assertThatThrownBy(() -> c.dispatch(D1, null, null, at("2026-11-02T10:00"), SPECIALIST, RULES, null, null))
				.hasMessage("complaint.category.required");
		c.dispatch(D1, Category.OTHER, null, at("2026-11-02T10:00"), SPECIALIST, RULES, null, null);
		assertThatThrownBy(() -> c.dispatch(D2, Category.OTHER, null, at("2026-11-02T11:00"), SPECIALIST, RULES, null, null))
				.isInstanceOf(DomainException.class).hasMessage("complaint.illegal.dispatch");
	}

	@Test
	void confirmationMovesTheComplaintInProgressAndCannotBeRepeated() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		c.confirm(current(c), at("2026-11-02T10:30"), DEALER);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
		assertThat(c.currentWorkOrder().orElseThrow().getConfirmedAt()).isEqualTo(at("2026-11-02T10:30"));
		assertThatThrownBy(() -> c.confirm(current(c), at("2026-11-02T10:40"), DEALER))
				.hasMessage("complaint.confirm.already");
	}

	@Test
	void aReplyOnAnUnconfirmedWorkOrderConfirmsItAtTheSameInstant() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		c.reply(current(c), finalReply(), at("2026-11-02T12:00"), DEALER);
		WorkOrder wo = c.currentWorkOrder().orElseThrow();
		assertThat(wo.getConfirmedAt()).isEqualTo(at("2026-11-02T12:00"));
		assertThat(wo.getFirstReplyAt()).isEqualTo(at("2026-11-02T12:00"));
		assertThat(wo.getFirstContactAt()).isEqualTo(at("2026-11-02T11:00"));
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
		assertThat(c.getEvents()).extracting(ComplaintEvent::getType)
				.containsExactly(EventType.REGISTERED, EventType.DISPATCHED, EventType.CONFIRMED, EventType.REPLIED);
	}

	@Test
	void aProductQualityResultMustStateCauseDefectAndParts() {
		Complaint c = dispatched(Category.PRODUCT_QUALITY);
		long wo = current(c);
		assertThatThrownBy(() -> c.reply(wo, finalReply(), at("2026-11-02T12:00"), DEALER))
				.hasMessage("complaint.reply.faultCause.required");
		assertThatThrownBy(() -> c.reply(wo, new ReplyContent(null, true, "已修复", "刹车片磨损", null, List.of(), null, null,
				null, false), at("2026-11-02T12:00"), DEALER)).hasMessage("complaint.reply.qualityDefect.required");
		assertThatThrownBy(() -> c.reply(wo, new ReplyContent(null, true, "已修复", "刹车片磨损", false, null, null, null,
				null, false), at("2026-11-02T12:00"), DEALER)).hasMessage("complaint.reply.partsReplaced.required");
		assertThat(c.getStatus()).as("a refused reply changes nothing").isEqualTo(ComplaintStatus.DISPATCHED);
		assertThat(c.getEvents()).hasSize(2);
		c.reply(wo, new ReplyContent(null, true, "已修复", "刹车片磨损", false, List.of(), null, null, null, false),
				at("2026-11-02T12:00"), DEALER);
		c.reply(wo, new ReplyContent(null, false, "初步检查中", null, null, null, null, null, null, false),
				at("2026-11-02T13:00"), DEALER);
		assertThat(c.currentWorkOrder().orElseThrow().getReplies()).hasSize(2);
	}

	@Test
	void aLateReplyWithoutResultMustGiveTheReason() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		long wo = current(c);
		ReplyContent late = new ReplyContent(null, false, "仍在处理", null, null, null, null, null, null, false);
		assertThatThrownBy(() -> c.reply(wo, late, at("2026-11-06T09:00"), DEALER))
				.hasMessage("complaint.reply.delayReason.required");
		c.reply(wo, new ReplyContent(null, false, "仍在处理", null, null, null, null, null, "备件在途", false),
				at("2026-11-06T09:00"), DEALER);
	}

	@Test
	void closureCanBeRequestedOnlyWhenTheDealerHasReplied() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		c.confirm(current(c), at("2026-11-02T10:30"), DEALER);
		assertThatThrownBy(() -> c.requestClosure(at("2026-11-02T11:00"), SPECIALIST, RULES))
				.hasMessage("complaint.closure.noReply");
		c.reply(current(c), finalReply(), at("2026-11-02T12:00"), DEALER);
		c.requestClosure(at("2026-11-03T09:00"), SPECIALIST, RULES);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSURE_REQUESTED);
		assertThat(c.getCallbackDueAt()).isEqualTo(at("2026-11-04T09:00"));
	}

	@Test
	void theCallbackIsTheOnlyWayToClosed() {
		Complaint c = inProgressWithReply();
		assertThatThrownBy(() -> c.recordCallback(new CallbackAnswers(true, true, true, false, null),
				at("2026-11-03T09:00"), AGENT)).hasMessage("complaint.illegal.callback");
		c.requestClosure(at("2026-11-03T09:00"), SPECIALIST, RULES);
		c.recordCallback(new CallbackAnswers(true, true, true, false, "满意"), at("2026-11-03T15:00"), AGENT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(c.getClosedAt()).isEqualTo(at("2026-11-03T15:00"));
		assertThat(c.currentWorkOrder().orElseThrow().getStatus()).isEqualTo(WorkOrderStatus.CLOSED);
	}

	@Test
	void aReachedCallbackThatFindsItNotHandledReturnsItToTheDealer() {
		Complaint c = closureRequested();
		c.recordCallback(new CallbackAnswers(true, false, false, true, "客户称问题仍在"), at("2026-11-03T15:00"), AGENT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
		assertThat(c.currentWorkOrder().orElseThrow().getStatus()).isEqualTo(WorkOrderStatus.CONFIRMED);
		assertThat(c.pullDomainEvents()).anyMatch(e -> e instanceof ComplaintReturned);
		c.reply(current(c), finalReply(), at("2026-11-04T10:00"), DEALER);
		c.requestClosure(at("2026-11-04T11:00"), SPECIALIST, RULES);
		c.recordCallback(new CallbackAnswers(true, true, true, false, null), at("2026-11-04T15:00"), AGENT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(c.getClosureRound()).isEqualTo(2);
	}

	@Test
	void anOnlineComplaintClosesOnlyWhenHandledAndSatisfied() {
		Complaint c = registered(Channel.ONLINE, ComplaintKind.COMPLAINT);
		c.dispatch(D1, Category.SERVICE_PROCESS, null, at("2026-11-02T10:00"), SPECIALIST, RULES, "王强", "D0001 刘经理");
		flush(c);
		assertThat(c.currentWorkOrder().orElseThrow().getNotifiedBy()).isEqualTo("王强");
		c.reply(current(c), finalReply(), at("2026-11-02T12:00"), DEALER);
		c.requestClosure(at("2026-11-03T09:00"), SPECIALIST, RULES);
		c.recordCallback(new CallbackAnswers(true, true, false, false, "解决了但不满意"), at("2026-11-03T15:00"), AGENT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
	}

	@Test
	void anUnreachedCallbackKeepsItWaitingAndIgnoresTheOtherAnswers() {
		Complaint c = closureRequested();
		Callback cb = c.recordCallback(new CallbackAnswers(false, true, true, true, "无人接听"), at("2026-11-03T15:00"), AGENT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSURE_REQUESTED);
		assertThat(cb.getResolved()).isNull();
		assertThat(cb.getFalseReply()).isNull();
	}

	@Test
	void theSupervisorClosesUnreachableOnlyAfterThreeAttemptsOnTwoDays() {
		Complaint c = closureRequested();
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-03T10:00"), AGENT);
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-03T14:00"), AGENT);
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-03T16:00"), AGENT);
		assertThatThrownBy(() -> c.closeUnreachable(3, 2, at("2026-11-03T17:00"), new Actor("supervisor")))
				.hasMessage("complaint.unreachable.notEnough");
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-04T10:00"), AGENT);
		c.closeUnreachable(3, 2, at("2026-11-04T11:00"), new Actor("supervisor"));
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED_UNREACHABLE);
	}

	@Test
	void unreachableAttemptsCountOnlySinceTheLatestClosureRequest() {
		Complaint c = closureRequested();
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-03T10:00"), AGENT);
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-04T10:00"), AGENT);
		c.recordCallback(new CallbackAnswers(true, false, false, false, null), at("2026-11-05T10:00"), AGENT);
		c.reply(current(c), finalReply(), at("2026-11-05T12:00"), DEALER);
		c.requestClosure(at("2026-11-06T09:00"), SPECIALIST, RULES);
		c.recordCallback(CallbackAnswers.notReached(null), at("2026-11-06T10:00"), AGENT);
		assertThat(c.unreachableAttempts()).isEqualTo(new UnreachableAttempts(1, 1));
	}

	@Test
	void aTransferKeepsTheResponsibleDealerAndGivesFreshClocks() {
		Complaint c = inProgressWithReply();
		WorkOrder first = c.currentWorkOrder().orElseThrow();
		WorkOrder second = c.transferTo(D2, "客户要求换店", at("2026-11-04T10:00"), SPECIALIST, RULES);
		flush(c);
		assertThat(first.getStatus()).isEqualTo(WorkOrderStatus.TRANSFERRED);
		assertThat(second.isTransfer()).isTrue();
		assertThat(second.getDispatchedAt()).isEqualTo(at("2026-11-04T10:00"));
		assertThat(second.getCloseDueAt()).isEqualTo(at("2026-11-07T10:00"));
		assertThat(c.getResponsibleDealerId()).isEqualTo(D1);
		assertThat(c.getHandlingDealerId()).isEqualTo(D2);
		assertThat(first.getCloseDueAt()).as("the old order keeps its clocks").isEqualTo(at("2026-11-05T10:00"));
	}

	@Test
	void aReDispatchVoidsTheWrongOrderAndMovesResponsibility() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		WorkOrder wrong = c.currentWorkOrder().orElseThrow();
		c.confirm(wrong.getId(), at("2026-11-02T10:10"), DEALER);
		WorkOrder right = c.redispatchTo(D2, "派错服务商", at("2026-11-02T11:00"), SPECIALIST, RULES);
		assertThat(wrong.getStatus()).isEqualTo(WorkOrderStatus.VOIDED);
		assertThat(c.getResponsibleDealerId()).isEqualTo(D2);
		assertThat(c.getFirstDispatchedAt()).isEqualTo(at("2026-11-02T11:00"));
		assertThat(right.getReplyDueAt()).isEqualTo(at("2026-11-03T11:00"));
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.DISPATCHED);
	}

	@Test
	void aReDispatchAfterTheFirstReplyIsRefused() {
		Complaint c = inProgressWithReply();
		assertThatThrownBy(() -> c.redispatchTo(D2, null, at("2026-11-02T13:00"), SPECIALIST, RULES))
				.hasMessage("complaint.redispatch.replied");
		assertThat(c.getResponsibleDealerId()).isEqualTo(D1);
	}

	@Test
	void reDispatchingATransferredOrderLeavesTheResponsibleDealer() {
		Complaint c = inProgressWithReply();
		c.transferTo(D2, null, at("2026-11-04T10:00"), SPECIALIST, RULES);
		flush(c);
		c.redispatchTo(D3, "转错店", at("2026-11-04T11:00"), SPECIALIST, RULES);
		flush(c);
		assertThat(c.getResponsibleDealerId()).isEqualTo(D1);
		assertThat(c.getHandlingDealerId()).isEqualTo(D3);
		assertThat(c.currentWorkOrder().orElseThrow().isTransfer()).isTrue();
	}

	@Test
	void forcedClosureNeedsAReasonAndAnOpenComplaint() {
		Complaint c = inProgressWithReply();
		assertThatThrownBy(() -> c.forceClose(null, at("2026-11-05T10:00"), new Actor("manager")))
				.hasMessage("complaint.reason.required");
		c.nominateForForcedClosure("客户要求明显不合理", at("2026-11-05T09:00"), SPECIALIST);
		c.forceClose(null, at("2026-11-05T10:00"), new Actor("manager"));
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.FORCE_CLOSED);
		assertThat(c.getForcedClosureReason()).isEqualTo("客户要求明显不合理");
		assertThatThrownBy(() -> c.forceClose("再次", at("2026-11-05T11:00"), new Actor("manager")))
				.hasMessage("complaint.illegal.forceClose");
	}

	@Test
	void onlyARegisteredComplaintCanBeCancelled() {
		Complaint c = registered(Channel.HOTLINE_400, ComplaintKind.COMPLAINT);
		c.cancel("重复登记", at("2026-11-02T09:30"), AGENT);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CANCELLED);
		Complaint d = dispatched(Category.OTHER);
		assertThatThrownBy(() -> d.cancel("x", at("2026-11-02T11:00"), AGENT)).hasMessage("complaint.illegal.cancel");
	}

	@Test
	void escalationFallsThreeCalendarMonthsAfterDispatchClampedToMonthEnd() {
		Complaint c = registered(Channel.HOTLINE_400, ComplaintKind.COMPLAINT);
		c.dispatch(D1, Category.OTHER, null, at("2026-11-30T10:00"), SPECIALIST, RULES, null, null);
		assertThat(Escalation.dueAt(c.getFirstDispatchedAt(), 3)).contains(at("2027-02-28T10:00"));
		assertThat(c.escalate(at("2027-02-28T09:59"), 3)).isFalse();
		assertThat(c.escalate(at("2027-02-28T10:00"), 3)).isTrue();
		assertThat(c.escalate(at("2027-03-01T10:00"), 3)).as("only once").isFalse();
		c.enterProjectNumber("XM-2027-001", at("2027-03-01T10:00"), SPECIALIST);
		assertThat(c.getProjectNo()).isEqualTo("XM-2027-001");
	}

	@Test
	void aComplaintClosedBeforeTheEscalationInstantIsNotEscalated() {
		Complaint c = closureRequested();
		c.recordCallback(new CallbackAnswers(true, true, true, false, null), at("2026-11-03T15:00"), AGENT);
		assertThat(Escalation.isDue(c, at("2027-06-01T00:00"), 3)).isFalse();
	}

	@Test
	void aRepeatCallIsRecordedOnTheOpenComplaint() {
		Complaint c = inProgressWithReply();
		c.recordRepeatCall("客户再次来电催促", at("2026-11-02T14:00"), AGENT);
		assertThat(c.getEvents()).extracting(ComplaintEvent::getType).contains(EventType.REPEAT_CALL);
		assertThat(c.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
	}

	@Test
	void aCategoryCorrectionKeepsHistoryAndDeadlines() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		Instant closeDue = c.currentWorkOrder().orElseThrow().getCloseDueAt();
		c.correctCategory(Category.PRODUCT_QUALITY, null, "实为质量问题", at("2026-11-02T11:00"), SPECIALIST);
		assertThat(c.getCategory()).isEqualTo(Category.PRODUCT_QUALITY);
		assertThat(c.currentWorkOrder().orElseThrow().getCloseDueAt()).isEqualTo(closeDue);
		ComplaintEvent correction = c.getEvents().get(c.getEvents().size() - 1);
		assertThat(correction.getDetail()).startsWith("SERVICE_PROCESS → PRODUCT_QUALITY");
		assertThat(correction.getCategory()).isEqualTo(Category.PRODUCT_QUALITY);
		assertThat(c.getEvents()).filteredOn(e -> e.getType() == EventType.DISPATCHED)
				.extracting(ComplaintEvent::getCategory).containsExactly(Category.SERVICE_PROCESS);
	}

	@Test
	void aCorrectionOfOnlyTheSubCategoryIsRecordedAndTheSameClassificationIsRefused() {
		Complaint c = dispatched(Category.PRODUCT_QUALITY);
		c.classifyAtDispatch("PQ_ENGINE");
		assertThatThrownBy(() -> c.correctCategory(Category.PRODUCT_QUALITY, "PQ_ENGINE", "同上", at("2026-11-02T11:00"),
				SPECIALIST)).hasMessage("complaint.category.unchanged");
		c.correctCategory(Category.PRODUCT_QUALITY, "PQ_NOISE", null, at("2026-11-02T11:00"), SPECIALIST);
		assertThat(c.getSubCategory()).isEqualTo("PQ_NOISE");
		assertThat(c.getEvents().get(c.getEvents().size() - 1).getDetail())
				.isEqualTo("PRODUCT_QUALITY/PQ_ENGINE → PRODUCT_QUALITY/PQ_NOISE");
		c.correctCategory(Category.PRODUCT_QUALITY, null, "无法细分", at("2026-11-02T12:00"), SPECIALIST);
		assertThat(c.getSubCategory()).isNull();
		assertThat(c.getEvents().get(c.getEvents().size() - 1).getDetail())
				.isEqualTo("PRODUCT_QUALITY/PQ_NOISE → PRODUCT_QUALITY：无法细分");
	}

	@Test
	void anEventEarlierThanTheLastIsRefused() {
		Complaint c = dispatched(Category.OTHER);
		assertThatThrownBy(() -> c.confirm(current(c), at("2026-11-02T09:59"), DEALER))
				.hasMessage("complaint.event.outOfOrder");
	}

	@Test
	void theNextDeadlineFollowsTheDealersProgress() {
		Complaint c = dispatched(Category.SERVICE_PROCESS);
		WorkOrder wo = c.currentWorkOrder().orElseThrow();
		assertThat(wo.getNextDueAt()).isEqualTo(wo.getConfirmDueAt());
		c.confirm(wo.getId(), at("2026-11-02T10:30"), DEALER);
		assertThat(wo.getNextDueAt()).isEqualTo(wo.getReplyDueAt());
		c.reply(wo.getId(), finalReply(), at("2026-11-02T12:00"), DEALER);
		assertThat(wo.getNextDueAt()).isEqualTo(wo.getCloseDueAt());
		assertThat(wo.isOverdueAt(at("2026-11-05T10:01"))).isTrue();
		c.requestClosure(at("2026-11-03T09:00"), SPECIALIST, RULES);
		c.recordCallback(new CallbackAnswers(true, true, true, false, null), at("2026-11-03T15:00"), AGENT);
		assertThat(wo.getNextDueAt()).isNull();
	}

	@Test
	void aRepairRequestHasNoClosureDeadline() {
		Complaint c = registered(Channel.HOTLINE_400, ComplaintKind.REPAIR_REQUEST);
		c.dispatch(D1, Category.PRODUCT_QUALITY, null, at("2026-11-02T10:00"), AGENT, RULES, null, null);
		assertThat(c.currentWorkOrder().orElseThrow().getCloseDueAt()).isNull();
	}
}
