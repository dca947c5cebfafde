package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.policy.Policies;
import com.kcm.shared.TimeConfig;

/** Reads complaints and work orders as the caller may see them, in the shapes of Appendix A. */
@Service
@Transactional(readOnly = true)
public class ComplaintQueries {

	private final ComplaintAccess access;
	private final ComplaintRepository complaints;
	private final WorkOrderRepository workOrders;
	private final DealerCatalog dealers;
	private final Customers customers;
	private final Policies policies;
	private final Clock clock;

	ComplaintQueries(ComplaintAccess access, ComplaintRepository complaints, WorkOrderRepository workOrders,
			DealerCatalog dealers, Customers customers, Policies policies, Clock clock) {
		this.access = access;
		this.complaints = complaints;
		this.workOrders = workOrders;
		this.dealers = dealers;
		this.customers = customers;
		this.policies = policies;
		this.clock = clock;
	}

	/**
	 * Refuses a complaint the caller may not see (404, the attempt audited), as {@link #view} does, without
	 * reading the customer; other modules serve files of a complaint only after this check.
	 */
	public void requireVisible(long id) {
		access.load(id);
	}

	/** One complaint; 404 when it does not exist or the caller may not see it. */
	public ComplaintAnswer view(long id) {
		return json(access.load(id));
	}

	/** Appendix A {@code GET /complaints?externalId=}: a list with the match, empty when none (or not visible). */
	public List<ComplaintAnswer> byExternalId(String externalId) {
		Specification<Complaint> spec = (r, q, cb) -> cb.equal(r.get("externalId"), externalId);
		return complaints.findAll(spec.and(access.visible())).stream().map(this::json).toList();
	}

	/**
	 * Appendix A {@code GET /work-orders}: overdue first, then by the nearest due instant. A dealer user sees
	 * only its own dealer's whatever it asks for.
	 */
	public Page<WorkOrderLine> workOrders(String dealerCode, boolean open, Pageable pageable) {
		List<Long> visible = access.visibleDealers();
		Specification<WorkOrder> spec = Specification.unrestricted();
		if (visible != null) {
			spec = spec.and((r, q, cb) -> visible.isEmpty() ? cb.disjunction() : r.get("dealerId").in(visible));
		}
		if (dealerCode != null && !dealerCode.isBlank()) {
			Long id = dealers.byCode(dealerCode.trim()).map(DealerSummary::id).orElse(-1L);
			spec = spec.and((r, q, cb) -> cb.equal(r.get("dealerId"), id));
		}
		if (open) {
			spec = spec.and((r, q, cb) -> Literals.among(cb, r.get("status"), WorkOrderStatus.CURRENT));
		}
		Sort sort = Sort.by(Sort.Order.asc("nextDueAt").nullsLast(), Sort.Order.asc("id"));
		Page<WorkOrder> page = workOrders.findAll(spec, org.springframework.data.domain.PageRequest
				.of(pageable.getPageNumber(), pageable.getPageSize(), sort));
		Map<Long, DealerSummary> byId = dealers.byIds(page.getContent().stream().map(WorkOrder::getDealerId).toList());
		Instant now = clock.instant();
		List<WorkOrderLine> items = page.getContent().stream().map(w -> new WorkOrderLine(w.getId(),
				w.getComplaint().getId(), code(byId, w.getDealerId()), w.getStatus(), local(w.getDispatchedAt()),
				local(w.getConfirmDueAt()), local(w.getReplyDueAt()), local(w.getCloseDueAt()), local(w.getNextDueAt()),
				w.isOverdueAt(now))).toList();
		return new PageImpl<>(items, pageable, page.getTotalElements());
	}

	/** A work order with its due instants (the answer to a dispatch, transfer or re-dispatch). */
	WorkOrderAnswer workOrderJson(long complaintId, WorkOrder w) {
		return new WorkOrderAnswer(w.getId(), complaintId,
				dealers.byId(w.getDealerId()).map(DealerSummary::code).orElse(null), w.getStatus(),
				local(w.getDispatchedAt()), local(w.getConfirmDueAt()), local(w.getReplyDueAt()),
				local(w.getCloseDueAt()), w.isDeadlinesProvisional());
	}

	ComplaintAnswer json(Complaint c) {
		CurrentUser user = access.user();
		Set<Long> dealerIds = new HashSet<>();
		c.getWorkOrders().forEach(w -> dealerIds.add(w.getDealerId()));
		if (c.getResponsibleDealerId() != null) {
			dealerIds.add(c.getResponsibleDealerId());
		}
		Map<Long, DealerSummary> byId = dealers.byIds(dealerIds);
		ComplaintCustomer customer;
		if (c.getCustomerId() != null) {
			CustomerView v = customers.forReference(c.getCustomerId(), user.mayRevealPersonalData());
			customer = new ComplaintCustomer(v.name(), v.phone(), v.idNumber());
		} else {
			customer = new ComplaintCustomer(c.getCustomerName(), null, null);
		}
		return new ComplaintAnswer(c.getId(), c.getExternalId(), c.getKind(), c.getChannel(), c.getStatus(),
				c.getCategory(), c.getSubCategory(), c.getDescription(), customer,
				code(byId, c.getResponsibleDealerId()), escalated(c), c.isGreenChannel(),
				c.getWorkOrders().stream().map(w -> new ComplaintWorkOrder(w.getId(), code(byId, w.getDealerId()),
						w.getStatus(), local(w.getDispatchedAt()), local(w.getConfirmDueAt()), local(w.getReplyDueAt()),
						local(w.getCloseDueAt()))).toList());
	}

	boolean escalated(Complaint c) {
		return Escalation.isDue(c, clock.instant(), policies);
	}

	private static String code(Map<Long, DealerSummary> byId, Long id) {
		if (id == null) {
			return null;
		}
		DealerSummary d = byId.get(id);
		return d == null ? null : d.code();
	}

	/** A complaint in the shape of Appendix A; the customer's phone and ID number masked unless revealed. */
	public record ComplaintAnswer(long id, String externalId, ComplaintKind kind, Channel channel,
			ComplaintStatus status, Category category, String subCategory, String description, ComplaintCustomer customer,
			String responsibleDealerCode, boolean escalated, boolean greenChannel, List<ComplaintWorkOrder> workOrders) {
	}

	public record ComplaintCustomer(String name, String phone, String idNumber) {
	}

	/** A work order inside a complaint. */
	public record ComplaintWorkOrder(long id, String dealerCode, WorkOrderStatus status, OffsetDateTime dispatchedAt,
			OffsetDateTime confirmDueAt, OffsetDateTime replyDueAt, OffsetDateTime closeDueAt) {
	}

	/** A work order with its due instants (the answer to a dispatch, transfer or re-dispatch). */
	public record WorkOrderAnswer(long id, long complaintId, String dealerCode, WorkOrderStatus status,
			OffsetDateTime dispatchedAt, OffsetDateTime confirmDueAt, OffsetDateTime replyDueAt,
			OffsetDateTime closeDueAt, boolean provisional) {
	}

	/** A line of the work-order list: overdue or not now. */
	public record WorkOrderLine(long id, long complaintId, String dealerCode, WorkOrderStatus status,
			OffsetDateTime dispatchedAt, OffsetDateTime confirmDueAt, OffsetDateTime replyDueAt,
			OffsetDateTime closeDueAt, OffsetDateTime nextDueAt, boolean overdue) {
	}

	/** Instants in the API: ISO-8601 with the business offset ({@code 2026-03-02T09:10:00+08:00}). */
	static OffsetDateTime local(Instant t) {
		return t == null ? null : t.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}
}
