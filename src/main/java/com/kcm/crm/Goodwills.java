package com.kcm.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.complaint.CustomerComplaints;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * Dealer goodwill on complaints (SPEC §7.9): the dealer handling a complaint (or after-sales for it) proposes
 * what it grants and its value in CNY; after-sales approves or rejects. Summed per dealer and month (the month of
 * the proposal, business zone) for the assessment pages — information only. Audited.
 */
@Service
class Goodwills {

	static final String TYPE = "goodwill";

	/** One dealer's goodwill in a month: approved count and total, and what still waits for a decision. */
	record DealerMonth(String dealerCode, String dealerName, long approved, BigDecimal approvedTotal, long proposed,
			BigDecimal proposedTotal) {
	}

	private final GoodwillRepository goodwill;
	private final CustomerComplaints complaints;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final Audit audit;
	private final GoodwillTotals totals;
	private final Clock clock;

	Goodwills(GoodwillRepository goodwill, CustomerComplaints complaints, DealerCatalog dealers, CurrentUsers users,
			Audit audit, GoodwillTotals totals, Clock clock) {
		this.goodwill = goodwill;
		this.complaints = complaints;
		this.dealers = dealers;
		this.users = users;
		this.audit = audit;
		this.totals = totals;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Goodwill> of(long complaintId) {
		complaints.requireVisible(complaintId);
		return goodwill.findByComplaintIdOrderByProposedAtAscIdAsc(complaintId);
	}

	@Transactional
	Goodwill propose(long complaintId, String what, BigDecimal amount) {
		CurrentUser me = users.current();
		if (!me.has(Role.DEALER) && !me.holds(Role.AFTER_SALES)) {
			audit.accessDenied("propose goodwill on complaint " + complaintId);
			throw new AccessDeniedException("dealers and after-sales propose goodwill");
		}
		Long dealerId = complaints.handlingDealerOf(complaintId).orElse(null);
		Violations v = new Violations();
		if (dealerId == null) {
			v.field("complaintId", "crm.goodwill.notDispatched");
		}
		Texts.required(what, 500, "what", v);
		if (amount == null) {
			v.field("amount", "error.required");
		} else if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.compareTo(new BigDecimal("9999999999.99")) > 0) {
			v.field("amount", "crm.contract.value");
		}
		v.throwIfAny();
		if (me.scope().dealerId() != null && !me.scope().dealerId().equals(dealerId)) {
			audit.notVisible("complaint", complaintId);
			throw new NotFoundException("complaint", complaintId);
		}
		String month = YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE)).toString();
		Goodwill g = goodwill.save(new Goodwill(complaintId, dealerId, what.strip(), amount.setScale(2), month,
				me.displayName(), clock.instant()));
		audit.changed(Audit.CREATE, TYPE, g.getId(), null, snapshot(g));
		return g;
	}

	@Transactional
	Goodwill decide(long id, boolean approve) {
		CurrentUser me = users.current();
		if (!me.holds(Role.AFTER_SALES)) {
			audit.accessDenied("decide goodwill " + id);
			throw new AccessDeniedException("after-sales decides goodwill");
		}
		Goodwill g = goodwill.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
		Snapshot before = snapshot(g);
		g.decide(approve, me.displayName(), clock.instant());
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(g));
		return g;
	}

	/** Per dealer (code order) for one month: one grouped query. A dealer user sees its own dealer only. */
	@Transactional(readOnly = true)
	List<DealerMonth> perDealer(YearMonth month) {
		CurrentUser me = users.current();
		Long onlyDealer = me.scope().dealerId();
		List<GoodwillTotals.DealerGoodwill> rows = totals.ofMonth(month);
		Map<Long, DealerSummary> byId = dealers.byIds(rows.stream().map(GoodwillTotals.DealerGoodwill::dealerId).toList());
		return rows.stream().filter(r -> onlyDealer == null || onlyDealer == r.dealerId())
				.filter(r -> me.scope().regionId() == null || byId.get(r.dealerId()) != null
						&& me.scope().regionId().equals(byId.get(r.dealerId()).regionId()))
				.map(r -> {
					DealerSummary d = byId.get(r.dealerId());
					return new DealerMonth(d == null ? "?" : d.code(), d == null ? "?" : d.name(), r.approved(),
							r.approvedTotal(), r.proposed(), r.proposedTotal());
				}).sorted(java.util.Comparator.comparing(DealerMonth::dealerCode)).toList();
	}

	/** What the audit trail keeps of a goodwill proposal (the amount as text). */
	record Snapshot(Long complaintId, Long dealerId, String what, String amount, Goodwill.Status status, String month,
			String decidedBy) {
	}

	static Snapshot snapshot(Goodwill g) {
		return new Snapshot(g.getComplaintId(), g.getDealerId(), g.getWhat(), g.getAmount().toPlainString(),
				g.getStatus(), g.getMonth(), g.getDecidedBy());
	}

}
