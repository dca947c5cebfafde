package com.kcm.complaint;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What notifications need to know about a complaint or work order: not scoped (the caller is the
 * application itself, reacting to an event), and without personal data beyond the customer's name as
 * registered (never a phone or ID number).
 */
@Service
@Transactional(readOnly = true)
public class ComplaintNotices {

	private final ComplaintRepository complaints;
	private final WorkOrderRepository workOrders;

	ComplaintNotices(ComplaintRepository complaints, WorkOrderRepository workOrders) {
		this.complaints = complaints;
		this.workOrders = workOrders;
	}

	/** A complaint with its current work order (if any). */
	public record ComplaintNotice(long id, ComplaintKind kind, Channel channel, ComplaintStatus status,
			Category category, String customerName, Long responsibleDealerId, Long handlingDealerId,
			Instant registeredAt, Instant firstDispatchedAt, Instant escalatedAt, WorkOrderNotice current) {
	}

	/** A work order and its clocks. */
	public record WorkOrderNotice(long id, long complaintId, int seq, long dealerId, WorkOrderStatus status,
			boolean transfer, Instant dispatchedAt, Instant confirmDueAt, Instant replyDueAt, Instant closeDueAt,
			Instant nextDueAt) {

		/** Still with the dealer (neither ended, transferred away nor voided). */
		public boolean isCurrent() {
			return WorkOrderStatus.CURRENT.contains(status);
		}
	}

	public Optional<ComplaintNotice> complaint(long complaintId) {
		return complaints.findById(complaintId).map(c -> notice(c, true));
	}

	public Optional<WorkOrderNotice> workOrder(long workOrderId) {
		return workOrders.findById(workOrderId).map(ComplaintNotices::notice);
	}

	/**
	 * Online complaints in no closed state (and not cancelled), oldest first, at most {@code limit}; the
	 * current work order is not filled in (the handling dealer is).
	 */
	public List<ComplaintNotice> openOnline(int limit) {
		EnumSet<ComplaintStatus> open = EnumSet.complementOf(EnumSet.copyOf(ComplaintStatus.CLOSED_STATES));
		open.remove(ComplaintStatus.CANCELLED);
		Specification<Complaint> spec = (r, q, cb) -> cb.and(Literals.is(cb, r.get("channel"), Channel.ONLINE),
				Literals.among(cb, r.get("status"), open));
		return complaints.findAll(spec, PageRequest.of(0, limit, Sort.by("registeredAt", "id"))).stream()
				.map(c -> notice(c, false)).toList();
	}

	private static ComplaintNotice notice(Complaint c, boolean withCurrent) {
		WorkOrderNotice current = withCurrent ? c.currentWorkOrder().map(ComplaintNotices::notice).orElse(null) : null;
		return new ComplaintNotice(c.getId(), c.getKind(), c.getChannel(), c.getStatus(), c.getCategory(),
				c.getCustomerName(), c.getResponsibleDealerId(), c.getHandlingDealerId(), c.getRegisteredAt(),
				c.getFirstDispatchedAt(), c.getEscalatedAt(), current);
	}

	static WorkOrderNotice notice(WorkOrder w) {
		return new WorkOrderNotice(w.getId(), w.getComplaint().getId(), w.getSeq(), w.getDealerId(), w.getStatus(),
				w.isTransfer(), w.getDispatchedAt(), w.getConfirmDueAt(), w.getReplyDueAt(), w.getCloseDueAt(),
				w.getNextDueAt());
	}
}
