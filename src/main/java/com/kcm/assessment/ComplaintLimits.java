package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUsers;
import com.kcm.policy.LimitBands;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.domain.ValidationException;

/**
 * The complaint limit (抱怨量限值, SPEC §5.2): the most complaints a dealer may have in each month of a
 * quarter, from its average monthly service visits in the previous quarter (the sum of three months over
 * 3, unrounded; a missing month is 0) through the band table in force at the quarter's start, unless
 * after-sales overrode it for the quarter with a reason.
 */
@Service
public class ComplaintLimits {

	/** The limit and how it came about, for the statement's explanation. */
	public record Limit(int value, BigDecimal averageVisits, boolean overridden, String reason) {
	}

	private final ServiceVisits visits;
	private final Policies policies;
	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	ComplaintLimits(ServiceVisits visits, Policies policies, JdbcClient jdbc, CurrentUsers users, Audit audit,
			Clock clock) {
		this.visits = visits;
		this.policies = policies;
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Limit limitFor(long dealerId, YearMonth month) {
		YearMonth[] previous = Months.previousQuarter(month);
		int sum = 0;
		for (YearMonth m : previous) {
			sum += visits.visits(dealerId, m);
		}
		BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_UP);
		Optional<Limit> override = jdbc.sql("select limit_value, reason from limit_override where dealer_id = :d "
				+ "and quarter = :q").param("d", dealerId).param("q", Months.quarter(month))
				.query((rs, n) -> new Limit(rs.getInt("limit_value"), average, true, rs.getString("reason"))).optional();
		if (override.isPresent()) {
			return override.get();
		}
		YearMonth quarterStart = previous[2].plusMonths(1);
		LimitBands bands = policies.bandsOn(PolicyName.LIMIT_BANDS, quarterStart.atDay(1));
		// The band table compares the exact average: 299.67 stays below 300.
		return new Limit(bands.limitFor(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(3), 20, RoundingMode.DOWN)),
				average, false, null);
	}

	/** After-sales overrides a dealer's limit for the quarter holding {@code month} (reason required, audited). */
	@Transactional
	public void override(long dealerId, YearMonth month, int limit, String reason) {
		if (limit < 0) {
			throw ValidationException.of("limit", "assessment.limit.negative");
		}
		if (reason == null || reason.isBlank()) {
			throw ValidationException.of("reason", "error.required");
		}
		String quarter = Months.quarter(month);
		Limit before = limitFor(dealerId, month);
		jdbc.sql("delete from limit_override where dealer_id = :d and quarter = :q").param("d", dealerId)
				.param("q", quarter).update();
		jdbc.sql("insert into limit_override (dealer_id, quarter, limit_value, reason, set_by, set_at) "
				+ "values (:d, :q, :l, :r, :by, :at)").param("d", dealerId).param("q", quarter).param("l", limit)
				.param("r", reason.trim()).param("by", users.find().map(u -> u.username()).orElse("system"))
				.param("at", Months.utc(clock.instant())).update();
		audit.changed(Audit.UPDATE, "complaint_limit", dealerId + "/" + quarter, before,
				new Limit(limit, before.averageVisits(), true, reason.trim()));
	}
}
