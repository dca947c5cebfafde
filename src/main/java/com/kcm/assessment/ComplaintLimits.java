package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
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
 * <p>
 * Each quarter's limits are stored (table complaint_limit): computed for every dealer at the quarter's
 * start by {@link QuarterlyLimitJob} or on demand, and recomputed for a dealer when the visits of a month
 * they depend on are recorded again. A computation never touches an override (table limit_override). The
 * assessment uses the stored limit; a dealer whose quarter was never computed gets it computed on the fly
 * by the same rule, so both always agree.
 */
@Service
class ComplaintLimits {

	/** The limit and how it came about, for the statement's explanation. */
	public record Limit(int value, BigDecimal averageVisits, boolean overridden, String reason) {
	}

	/** A dealer's stored limit for a quarter: the computation, the override if any, the effective limit. */
	public record QuarterLimit(long dealerId, String dealerCode, String dealerName, String regionName, String quarter,
			int visitsSum, BigDecimal averageVisits, String band, int computedLimit, Instant computedAt,
			String computedBy, Integer overrideLimit, String overrideReason, String overrideBy, Instant overrideAt) {

		public int effectiveLimit() {
			return overrideLimit != null ? overrideLimit : computedLimit;
		}

		/** When computed, local time, for pages. */
		public String computedAtLocal() {
			return Months.localText(computedAt);
		}

		/** When overridden, local time, for pages. */
		public String overrideAtLocal() {
			return Months.localText(overrideAt);
		}
	}

	private record Computed(int sum, BigDecimal average, String band, int limit) {
	}

	private final Policies policies;
	private final DealerCatalog dealers;
	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	ComplaintLimits(Policies policies, DealerCatalog dealers, JdbcClient jdbc, NamedParameterJdbcTemplate batch,
			CurrentUsers users, Audit audit, Clock clock) {
		this.policies = policies;
		this.dealers = dealers;
		this.jdbc = jdbc;
		this.batch = batch;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Limit limitFor(long dealerId, YearMonth month) {
		return limitsFor(month, List.of(dealerId)).get(dealerId);
	}

	/**
	 * The limits of many dealers for the quarter holding {@code month}, in at most three queries whatever
	 * their number: the stored limits, the overrides, and (only when some dealer's quarter was never
	 * computed) the previous quarter's visits.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Limit> limitsFor(YearMonth month, Collection<Long> dealerIds) {
		if (dealerIds.isEmpty()) {
			return Map.of();
		}
		String quarter = Months.quarter(month);
		boolean few = dealerIds.size() <= 100;
		String only = few ? " and dealer_id in (:ids)" : "";
		Map<Long, Object[]> overrides = new HashMap<>();
		var o = jdbc.sql("select dealer_id, limit_value, reason from limit_override where quarter = :q" + only)
				.param("q", quarter);
		var s = jdbc.sql("select dealer_id, visits_sum, computed_limit from complaint_limit where quarter = :q" + only)
				.param("q", quarter);
		if (few) {
			o = o.param("ids", dealerIds);
			s = s.param("ids", dealerIds);
		}
		o.query(rs -> {
			overrides.put(rs.getLong(1), new Object[] { rs.getInt(2), rs.getString(3) });
		});
		Map<Long, int[]> stored = new HashMap<>();
		s.query(rs -> {
			stored.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) });
		});
		Set<Long> missing = new HashSet<>(dealerIds);
		missing.removeAll(stored.keySet());
		Map<Long, Integer> sums = missing.isEmpty() ? Map.of() : visitSums(month, missing.size() <= 100 ? missing : null);
		LimitBands bands = missing.isEmpty() ? null : bandsFor(month);
		Map<Long, Limit> out = new LinkedHashMap<>();
		for (Long id : dealerIds) {
			int[] st = stored.get(id);
			int sum = st != null ? st[0] : sums.getOrDefault(id, 0);
			BigDecimal average = average(sum);
			Object[] ov = overrides.get(id);
			if (ov != null) {
				out.put(id, new Limit((Integer) ov[0], average, true, (String) ov[1]));
			} else if (st != null) {
				out.put(id, new Limit(st[1], average, false, null));
			} else {
				out.put(id, new Limit(compute(sum, bands).limit(), average, false, null));
			}
		}
		return out;
	}

	/** Computes and stores every dealer's limit for the quarter starting with {@code quarterStart}; overrides stay. */
	@Transactional
	public int computeQuarter(YearMonth quarterStart) {
		List<Long> ids = dealers.all().stream().map(DealerSummary::id).toList();
		int n = store(quarterStart, ids, true);
		audit.event("COMPUTE", "complaint_limit", Months.quarter(quarterStart), n + " dealers");
		return n;
	}

	/** Computes and stores the limits of the dealers that have none yet for the quarter (the job's run). */
	@Transactional
	public int computeMissing(YearMonth quarterStart) {
		Set<Long> have = new HashSet<>(jdbc.sql("select dealer_id from complaint_limit where quarter = :q")
				.param("q", Months.quarter(quarterStart)).query(Long.class).list());
		List<Long> ids = dealers.all().stream().map(DealerSummary::id).filter(id -> !have.contains(id)).toList();
		if (ids.isEmpty()) {
			return 0;
		}
		int n = store(quarterStart, ids, false);
		audit.event("COMPUTE", "complaint_limit", Months.quarter(quarterStart), n + " dealers without a limit yet");
		return n;
	}

	/**
	 * Recomputes the stored limits of the quarter starting with {@code quarterStart} for those of the dealers
	 * that have one (their previous quarter's visits changed); called inside the recording transaction.
	 */
	void refreshStored(YearMonth quarterStart, Set<Long> dealerIds) {
		List<Long> have = jdbc.sql("select dealer_id from complaint_limit where quarter = :q and dealer_id in (:ids)")
				.param("q", Months.quarter(quarterStart)).param("ids", dealerIds).query(Long.class).list();
		if (!have.isEmpty()) {
			store(quarterStart, have, true);
		}
	}

	private int store(YearMonth quarterStart, List<Long> ids, boolean replace) {
		if (ids.isEmpty()) {
			return 0;
		}
		String quarter = Months.quarter(quarterStart);
		Map<Long, Integer> sums = visitSums(quarterStart, ids.size() <= 100 ? ids : null);
		LimitBands bands = bandsFor(quarterStart);
		OffsetDateTime at = Months.utc(clock.instant());
		String by = users.find().map(u -> u.username()).orElse("system");
		MapSqlParameterSource[] params = ids.stream().map(id -> {
			Computed c = compute(sums.getOrDefault(id, 0), bands);
			return new MapSqlParameterSource().addValue("d", id).addValue("q", quarter).addValue("s", c.sum())
					.addValue("a", c.average()).addValue("b", c.band()).addValue("l", c.limit()).addValue("at", at)
					.addValue("by", by);
		}).toArray(MapSqlParameterSource[]::new);
		if (replace) {
			batch.batchUpdate("delete from complaint_limit where dealer_id = :d and quarter = :q", params);
		}
		batch.batchUpdate("insert into complaint_limit (dealer_id, quarter, visits_sum, average_visits, band, "
				+ "computed_limit, computed_at, computed_by) values (:d, :q, :s, :a, :b, :l, :at, :by)", params);
		return params.length;
	}

	/** The sum of each dealer's visits over the quarter before the one holding {@code month} (all dealers when ids is null). */
	private Map<Long, Integer> visitSums(YearMonth month, Collection<Long> ids) {
		List<String> months = java.util.Arrays.stream(Months.previousQuarter(month)).map(YearMonth::toString).toList();
		var q = jdbc.sql("select dealer_id, sum(visits) from service_visit where period_month in (:ms)"
				+ (ids == null ? "" : " and dealer_id in (:ids)") + " group by dealer_id").param("ms", months);
		if (ids != null) {
			q = q.param("ids", ids);
		}
		Map<Long, Integer> out = new HashMap<>();
		q.query(rs -> {
			out.put(rs.getLong(1), rs.getInt(2));
		});
		return out;
	}

	private LimitBands bandsFor(YearMonth month) {
		return policies.bandsOn(PolicyName.LIMIT_BANDS, Months.quarterStart(month).atDay(1));
	}

	private static BigDecimal average(int sum) {
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_UP);
	}

	/** The band table applied to the exact average (299.67 stays below 300), with the band that decided. */
	private static Computed compute(int sum, LimitBands bands) {
		BigDecimal exact = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(3), 20, RoundingMode.DOWN);
		int limit = bands.limitFor(exact);
		String band = "";
		for (LimitBands.Band b : bands.bands()) {
			if (b.open()) {
				band = "≥ " + plain(b.from()) + " → " + b.limit() + " + ⌊(x − " + plain(b.from()) + ") ÷ "
						+ plain(b.step()) + "⌋";
				break;
			}
			if (exact.compareTo(b.to()) < 0) {
				band = "[" + plain(b.from()) + ", " + plain(b.to()) + ") → " + b.limit();
				break;
			}
		}
		return new Computed(sum, average(sum), band, limit);
	}

	private static String plain(BigDecimal d) {
		return d.stripTrailingZeros().toPlainString();
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
		if (jdbc.sql("select count(*) from complaint_limit where dealer_id = :d and quarter = :q").param("d", dealerId)
				.param("q", quarter).query(Long.class).single() == 0) {
			store(Months.quarterStart(month), List.of(dealerId), false);
		}
		jdbc.sql("delete from limit_override where dealer_id = :d and quarter = :q").param("d", dealerId)
				.param("q", quarter).update();
		jdbc.sql("insert into limit_override (dealer_id, quarter, limit_value, reason, set_by, set_at) "
				+ "values (:d, :q, :l, :r, :by, :at)").param("d", dealerId).param("q", quarter).param("l", limit)
				.param("r", reason.trim()).param("by", users.find().map(u -> u.username()).orElse("system"))
				.param("at", Months.utc(clock.instant())).update();
		audit.changed(Audit.UPDATE, "complaint_limit", dealerId + "/" + quarter, before,
				new Limit(limit, before.averageVisits(), true, reason.trim()));
	}

	/**
	 * A page of the stored limits of a quarter for the dealers the caller may see, optionally one dealer
	 * (404 when not visible) or one region, in dealer order.
	 */
	@Transactional(readOnly = true)
	public Page<QuarterLimit> list(YearMonth quarterStart, String dealerCode, String regionCode, Pageable pageable) {
		Collection<Long> ids;
		if (dealerCode != null && !dealerCode.isBlank()) {
			ids = List.of(dealers.visible(dealerCode).id());
		} else {
			ids = VisibleDealers.visibleDealerIds(dealers, users, regionCode);
		}
		if (ids != null && ids.isEmpty()) {
			return new PageImpl<>(List.of(), pageable, 0);
		}
		String quarter = Months.quarter(quarterStart);
		String where = " where l.quarter = :q" + (ids == null ? "" : " and l.dealer_id in (:ids)");
		var count = jdbc.sql("select count(*) from complaint_limit l" + where).param("q", quarter);
		var list = jdbc.sql("select l.dealer_id, l.visits_sum, l.average_visits, l.band, l.computed_limit, l.computed_at, "
				+ "l.computed_by, o.limit_value, o.reason, o.set_by, o.set_at from complaint_limit l "
				+ "left join limit_override o on o.dealer_id = l.dealer_id and o.quarter = l.quarter" + where
				+ " order by l.dealer_id limit :n offset :o").param("q", quarter).param("n", pageable.getPageSize())
				.param("o", pageable.getOffset());
		if (ids != null) {
			count = count.param("ids", ids);
			list = list.param("ids", ids);
		}
		long total = count.query(Long.class).single();
		List<Object[]> raw = list.query((rs, i) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3),
				rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
				rs.getObject(8) == null ? null : rs.getInt(8), rs.getString(9), rs.getString(10),
				rs.getObject(11, OffsetDateTime.class) }).list();
		Map<Long, DealerSummary> byId = dealers.byIds(raw.stream().map(r -> (Long) r[0]).toList());
		List<QuarterLimit> items = raw.stream().map(r -> {
			DealerSummary d = byId.get((Long) r[0]);
			OffsetDateTime oat = (OffsetDateTime) r[10];
			return new QuarterLimit((Long) r[0], d == null ? "?" : d.code(), d == null ? "" : d.name(),
					d == null ? "" : d.regionName(), quarter, (Integer) r[1], ((BigDecimal) r[2]).setScale(6),
					(String) r[3], (Integer) r[4], (Instant) r[5], (String) r[6], (Integer) r[7], (String) r[8],
					(String) r[9], oat == null ? null : oat.toInstant());
		}).toList();
		return new PageImpl<>(items, pageable, total);
	}
}
