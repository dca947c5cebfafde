package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * Penalties (考核, SPEC §5.4): 1,000–10,000 CNY per incident (policy), reason required, only for dealers
 * that passed acceptance at least 3 months (policy) before the end of the incident's month; proposed by
 * after-sales, counted only once the manager approved them. A penalty belongs to the month of the incident.
 */
@Service
public class Penalties {

	private final JdbcClient jdbc;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Penalties(JdbcClient jdbc, DealerCatalog dealers, Policies policies, CurrentUsers users, Audit audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dealers = dealers;
		this.policies = policies;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public long propose(String dealerCode, String month, BigDecimal amount, String reason) {
		Violations v = new Violations();
		DealerSummary dealer = dealerCode == null ? null : dealers.byCode(dealerCode.trim()).orElse(null);
		if (dealer == null) {
			v.field("dealerCode", dealerCode == null ? "error.required" : "assessment.dealer.unknown", dealerCode);
		}
		YearMonth m = null;
		try {
			m = Months.parse(month, "month");
		} catch (ValidationException e) {
			v.addAll(e.violations());
		}
		if (reason == null || reason.isBlank()) {
			v.field("reason", "error.required");
		}
		if (amount == null) {
			v.field("amount", "error.required");
		} else if (m != null) {
			BigDecimal min = policies.decimalOn(PolicyName.PENALTY_MIN, m.atEndOfMonth());
			BigDecimal max = policies.decimalOn(PolicyName.PENALTY_MAX, m.atEndOfMonth());
			if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0 || amount.scale() > 2) {
				v.field("amount", "assessment.penalty.range", min, max);
			}
		}
		if (dealer != null && m != null) {
			int months = policies.intOn(PolicyName.OPERATING_MONTHS_BEFORE_PENALTIES, m.atEndOfMonth());
			if (dealer.acceptedOn().plusMonths(months).isAfter(m.atEndOfMonth())) {
				v.field("dealerCode", "assessment.penalty.tooNew", months);
			}
		}
		v.throwIfAny();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into penalty (dealer_id, period_month, amount, reason, status, proposed_by, proposed_at) "
				+ "values (:d, :m, :a, :r, 'PROPOSED', :by, :at)").param("d", dealer.id()).param("m", m.toString())
				.param("a", amount.setScale(2, RoundingMode.UNNECESSARY)).param("r", reason.trim()).param("by", actor())
				.param("at", Months.utc(clock.instant())).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.changed(Audit.CREATE, "penalty", id, null, snapshot(id));
		return id;
	}

	@Transactional
	public void approve(long id) {
		Snapshot before = snapshot(id);
		if (!"PROPOSED".equals(before.status())) {
			throw new DomainException("assessment.penalty.notProposed");
		}
		jdbc.sql("update penalty set status = 'APPROVED', approved_by = :by, approved_at = :at where id = :id")
				.param("by", actor()).param("at", Months.utc(clock.instant())).param("id", id).update();
		audit.changed(Audit.UPDATE, "penalty", id, before, snapshot(id));
		// in this transaction: the month's statement takes the penalty in (a new revision, see Statements)
		events.publishEvent(new PenaltyApproved(id, before.dealerId(), YearMonth.parse(before.month())));
	}

	/** A penalty was approved (published inside the approving transaction). */
	record PenaltyApproved(long penaltyId, long dealerId, YearMonth month) {
	}

	/** The sum of the approved penalties of the dealer's month. */
	@Transactional(readOnly = true)
	public BigDecimal approvedTotal(long dealerId, YearMonth month) {
		BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from penalty where dealer_id = :d and period_month = :m "
				+ "and status = 'APPROVED'").param("d", dealerId).param("m", month.toString()).query(BigDecimal.class)
				.single();
		return sum.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** {@link #approvedTotal(long, YearMonth)} of every dealer with an approved penalty in the month, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> approvedTotals(YearMonth month) {
		Map<Long, BigDecimal> out = new java.util.HashMap<>();
		jdbc.sql("select dealer_id, sum(amount) from penalty where period_month = :m and status = 'APPROVED' "
				+ "group by dealer_id").param("m", month.toString()).query(rs -> {
					out.put(rs.getLong(1), rs.getBigDecimal(2).setScale(2, RoundingMode.UNNECESSARY));
				});
		return out;
	}

	/** A penalty as the audit trail keeps it. */
	record Snapshot(long dealerId, String month, BigDecimal amount, String reason, String status, String approvedBy) {
	}

	private Snapshot snapshot(long id) {
		return jdbc.sql("select dealer_id, period_month, amount, reason, status, approved_by from penalty where id = :id")
				.param("id", id).query((rs, n) -> new Snapshot(rs.getLong("dealer_id"), rs.getString("period_month"),
						rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("status"),
						rs.getString("approved_by")))
				.optional().orElseThrow(() -> new NotFoundException("penalty", id));
	}

	private String actor() {
		return users.find().map(u -> u.username()).orElse("system");
	}
}
