package com.kcm.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import com.kcm.policy.PolicyName;
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
	public Map<String, Object> view(long id) {
		return json(access.load(id));
	}

	/** Appendix A {@code GET /complaints?externalId=}: a list with the match, empty when none (or not visible). */
	public List<Map<String, Object>> byExternalId(String externalId) {
		Specification<Complaint> spec = (r, q, cb) -> cb.equal(r.get("externalId"), externalId);
		return complaints.findAll(spec.and(access.visible())).stream().map(this::json).toList();
	}

	/**
	 * Appendix A {@code GET /work-orders}: overdue first, then by the nearest due instant. A dealer user sees
	 * only its own dealer's whatever it asks for.
	 */
	public Page<Map<String, Object>> workOrders(String dealerCode, boolean open, Pageable pageable) {
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
		List<Map<String, Object>> items = new ArrayList<>();
		Instant now = clock.instant();
		for (WorkOrder w : page.getContent()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", w.getId());
			m.put("complaintId", w.getComplaint().getId());
			m.put("dealerCode", code(byId, w.getDealerId()));
			m.put("status", w.getStatus().name());
			m.put("dispatchedAt", local(w.getDispatchedAt()));
			m.put("confirmDueAt", local(w.getConfirmDueAt()));
			m.put("replyDueAt", local(w.getReplyDueAt()));
			m.put("closeDueAt", local(w.getCloseDueAt()));
			m.put("nextDueAt", local(w.getNextDueAt()));
			m.put("overdue", w.isOverdueAt(now));
			items.add(m);
		}
		return new PageImpl<>(items, pageable, page.getTotalElements());
	}

	/** A work order with its due instants (the answer to a dispatch, transfer or re-dispatch). */
	Map<String, Object> workOrderJson(long complaintId, WorkOrder w) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", w.getId());
		m.put("complaintId", complaintId);
		m.put("dealerCode", dealers.byId(w.getDealerId()).map(DealerSummary::code).orElse(null));
		m.put("status", w.getStatus().name());
		m.put("dispatchedAt", local(w.getDispatchedAt()));
		m.put("confirmDueAt", local(w.getConfirmDueAt()));
		m.put("replyDueAt", local(w.getReplyDueAt()));
		m.put("closeDueAt", local(w.getCloseDueAt()));
		m.put("provisional", w.isDeadlinesProvisional());
		return m;
	}

	Map<String, Object> json(Complaint c) {
		CurrentUser user = access.user();
		Set<Long> dealerIds = new HashSet<>();
		c.getWorkOrders().forEach(w -> dealerIds.add(w.getDealerId()));
		if (c.getResponsibleDealerId() != null) {
			dealerIds.add(c.getResponsibleDealerId());
		}
		Map<Long, DealerSummary> byId = dealers.byIds(dealerIds);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.getId());
		m.put("externalId", c.getExternalId());
		m.put("kind", c.getKind().name());
		m.put("channel", c.getChannel().name());
		m.put("status", c.getStatus().name());
		m.put("category", c.getCategory() == null ? null : c.getCategory().name());
		m.put("subCategory", c.getSubCategory());
		m.put("description", c.getDescription());
		Map<String, Object> customer = new LinkedHashMap<>();
		if (c.getCustomerId() != null) {
			CustomerView v = customers.forReference(c.getCustomerId(), user.mayRevealPersonalData());
			customer.put("name", v.name());
			customer.put("phone", v.phone());
			customer.put("idNumber", v.idNumber());
		} else {
			customer.put("name", c.getCustomerName());
			customer.put("phone", null);
			customer.put("idNumber", null);
		}
		m.put("customer", customer);
		m.put("responsibleDealerCode", code(byId, c.getResponsibleDealerId()));
		m.put("escalated", escalated(c));
		m.put("greenChannel", c.isGreenChannel());
		List<Map<String, Object>> wos = new ArrayList<>();
		for (WorkOrder w : c.getWorkOrders()) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("id", w.getId());
			x.put("dealerCode", code(byId, w.getDealerId()));
			x.put("status", w.getStatus().name());
			x.put("dispatchedAt", local(w.getDispatchedAt()));
			x.put("confirmDueAt", local(w.getConfirmDueAt()));
			x.put("replyDueAt", local(w.getReplyDueAt()));
			x.put("closeDueAt", local(w.getCloseDueAt()));
			wos.add(x);
		}
		m.put("workOrders", wos);
		return m;
	}

	boolean escalated(Complaint c) {
		if (c.getFirstDispatchedAt() == null) {
			return false;
		}
		return c.isEscalatedAt(clock.instant(), policies.intAt(PolicyName.ESCALATION_MONTHS, c.getFirstDispatchedAt()));
	}

	private static String code(Map<Long, DealerSummary> byId, Long id) {
		if (id == null) {
			return null;
		}
		DealerSummary d = byId.get(id);
		return d == null ? null : d.code();
	}

	/** Instants in the API: ISO-8601 with the business offset ({@code 2026-03-02T09:10:00+08:00}). */
	static OffsetDateTime local(Instant t) {
		return t == null ? null : t.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}
}
