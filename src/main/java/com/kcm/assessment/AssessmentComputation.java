package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;

/**
 * Computes a month for all dealers as of a cut-off and keeps each dealer's result (the latest computation
 * of a month is the one shown): the indicators, the limit and the six support conditions of SPEC §5.3
 * with figure, threshold and verdict, the support amount, the approved penalties and the net, in the
 * shape of Appendix A.
 */
@Service
class AssessmentComputation {

	private final Assessments assessments;
	private final ComplaintLimits limits;
	private final MediaIncidents incidents;
	private final Penalties penalties;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final JsonMapper json;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	AssessmentComputation(Assessments assessments, ComplaintLimits limits, MediaIncidents incidents, Penalties penalties,
			DealerCatalog dealers, Policies policies, JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json,
			CurrentUsers users, Audit audit, Clock clock) {
		this.assessments = assessments;
		this.limits = limits;
		this.incidents = incidents;
		this.penalties = penalties;
		this.dealers = dealers;
		this.policies = policies;
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What the conditions and money need besides the indicators, for every dealer of the month at once:
	 * limits, media incidents, approved penalties and days not active, each in a bounded number of queries.
	 */
	record MonthFacts(Map<Long, ComplaintLimits.Limit> limits, Map<Long, Integer> incidents,
			Map<Long, BigDecimal> penalties, Map<Long, Integer> daysNotActive) {
	}

	/** Computes every dealer's month; {@code cutoff} null means the policy default. Returns the number of dealers. */
	@Transactional
	public int compute(YearMonth month, Instant cutoff) {
		Instant c = cutoff == null ? assessments.defaultCutoff(month) : cutoff;
		List<MonthlyIndicators> all = assessments.all(month, c);
		Map<Long, DealerSummary> byId = new HashMap<>();
		for (DealerSummary d : dealers.all()) {
			byId.put(d.id(), d);
		}
		MonthFacts facts = new MonthFacts(limits.limitsFor(month, byId.keySet()), incidents.counts(month),
				penalties.approvedTotals(month), dealers.daysNotActive(month));
		OffsetDateTime now = Months.utc(clock.instant());
		String by = users.find().map(CurrentUser::username).orElse("system");
		List<MapSqlParameterSource> rows = new ArrayList<>(all.size());
		for (MonthlyIndicators m : all) {
			DealerSummary dealer = byId.get(m.dealerId());
			AssessmentAnswer answer = answer(dealer, m, facts);
			rows.add(new MapSqlParameterSource().addValue("m", month.toString()).addValue("d", dealer.id())
					.addValue("c", Months.utc(c)).addValue("at", now).addValue("by", by)
					.addValue("r", json.writeValueAsString(answer)));
		}
		batch.batchUpdate("insert into assessment_result (period_month, dealer_id, cutoff, computed_at, computed_by, result) "
				+ "values (:m, :d, :c, :at, :by, :r)", rows.toArray(MapSqlParameterSource[]::new));
		int n = rows.size();
		audit.event("COMPUTE", "assessment", month.toString(), n + " dealers, cut-off " + local(c));
		return n;
	}

	/**
	 * The counted complaints and the limit of the latest computation of each month of the quarter starting
	 * with {@code quarterStart}, for the given dealers (one query): dealer id to month to {counted, limit}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, int[]>> countedTowardLimit(YearMonth quarterStart, Collection<Long> dealerIds) {
		Map<Long, Map<String, int[]>> out = new HashMap<>();
		if (dealerIds.isEmpty()) {
			return out;
		}
		List<String> months = List.of(quarterStart.toString(), quarterStart.plusMonths(1).toString(),
				quarterStart.plusMonths(2).toString());
		jdbc.sql("select period_month, dealer_id, result from (select period_month, dealer_id, result, row_number() over "
				+ "(partition by period_month, dealer_id order by computed_at desc, id desc) as rn from assessment_result "
				+ "where period_month in (:ms) and dealer_id in (:ids)) x where rn = 1").param("ms", months)
				.param("ids", dealerIds).query(rs -> {
					Map<String, Object> r = json.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, Object>>() {
					});
					out.computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).put(rs.getString(1), new int[] {
							((Number) r.get("countedTowardLimit")).intValue(), ((Number) r.get("limit")).intValue() });
				});
		return out;
	}

	/**
	 * Recomputes one dealer's month with the given cut-off (a statement revision after an accepted appeal or
	 * a correction) and stores it as the latest computation; returns the id of the stored result.
	 */
	@Transactional
	public long computeDealer(YearMonth month, long dealerId, Instant cutoff) {
		DealerSummary dealer = dealers.byId(dealerId).orElseThrow(() -> new NotFoundException("dealer", dealerId));
		MonthlyIndicators m = assessments.indicators(dealerId, month, cutoff);
		AssessmentAnswer answer = answer(dealer, m, dealers.daysNotActive(dealerId, month));
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into assessment_result (period_month, dealer_id, cutoff, computed_at, computed_by, result) "
				+ "values (:m, :d, :c, :at, :by, :r)").param("m", month.toString()).param("d", dealerId)
				.param("c", Months.utc(cutoff)).param("at", Months.utc(clock.instant()))
				.param("by", users.find().map(CurrentUser::username).orElse("system"))
				.param("r", json.writeValueAsString(answer)).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.event("COMPUTE", "assessment", month + "/" + dealer.code(), "cut-off " + local(cutoff));
		return id;
	}

	/** The latest computation of the month for a dealer the caller may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public Map<String, Object> latest(YearMonth month, String dealerCode) {
		DealerSummary dealer = dealers.byCode(dealerCode).filter(this::visible)
				.orElseThrow(() -> new NotFoundException("dealer", dealerCode));
		String stored = jdbc.sql("select result from assessment_result where period_month = :m and dealer_id = :d "
				+ "order by computed_at desc, id desc fetch first 1 rows only").param("m", month.toString())
				.param("d", dealer.id()).query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("assessment", month + "/" + dealerCode));
		return json.readValue(stored, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	private boolean visible(DealerSummary d) {
		Scope scope = users.find().map(CurrentUser::scope).orElse(Scope.ALL);
		return scope.unrestricted() || (scope.dealerId() != null && scope.dealerId() == d.id())
				|| (scope.regionId() != null && scope.regionId() == d.regionId());
	}

	AssessmentAnswer answer(DealerSummary dealer, MonthlyIndicators m, int daysNotActive) {
		YearMonth month = m.month();
		return answer(dealer, m, new MonthFacts(Map.of(dealer.id(), limits.limitFor(dealer.id(), month)),
				Map.of(dealer.id(), incidents.count(dealer.id(), month)),
				Map.of(dealer.id(), penalties.approvedTotal(dealer.id(), month)), Map.of(dealer.id(), daysNotActive)));
	}

	AssessmentAnswer answer(DealerSummary dealer, MonthlyIndicators m, MonthFacts facts) {
		YearMonth month = m.month();
		ComplaintLimits.Limit limit = facts.limits().get(dealer.id());
		int mediaIncidents = facts.incidents().getOrDefault(dealer.id(), 0);
		int daysNotActive = facts.daysNotActive().getOrDefault(dealer.id(), 0);
		List<AssessmentAnswer.Condition> conditions = List.of(
				new AssessmentAnswer.Condition("LIMIT", m.countedTowardLimit() <= limit.value(), m.countedTowardLimit(),
						limit.value()),
				new AssessmentAnswer.Condition("FIRST_TIME_CLOSURE", Rates.isFull(m.firstTimeClosureRate()),
						m.firstTimeClosureRate(), BigDecimal.ONE),
				new AssessmentAnswer.Condition("MONTHLY_CLOSURE", Rates.isFull(m.monthlyClosureRate()),
						m.monthlyClosureRate(), BigDecimal.ONE),
				new AssessmentAnswer.Condition("ONLINE_CLOSURE", Rates.isFull(m.online().negativeClosureRate()),
						m.online().negativeClosureRate(), BigDecimal.ONE),
				new AssessmentAnswer.Condition("NO_MEDIA_EXPOSURE", mediaIncidents == 0, mediaIncidents, 0),
				new AssessmentAnswer.Condition("ACTIVE_STATUS", daysNotActive == 0, daysNotActive, 0));
		boolean allMet = conditions.stream().allMatch(AssessmentAnswer.Condition::met);
		BigDecimal support = allMet
				? policies.decimalOn(PolicyName.supportAmount(dealer.type().code()), month.atDay(1)).setScale(2)
				: new BigDecimal("0.00");
		BigDecimal penalty = facts.penalties().getOrDefault(dealer.id(), new BigDecimal("0.00"));
		return new AssessmentAnswer(dealer.code(), month.toString(), local(m.cutoff()), m.complaints(), m.unreachable(),
				m.replyTimelinessRate(), m.contact24hRate(), m.falseReplies(), m.calledBack(), m.firstTimeClosureRate(),
				m.monthlyClosureRate(), m.satisfactionRate(), m.countedTowardLimit(), limit.value(), conditions, support,
				penalty, support.subtract(penalty), m.repairRequests(), m.online());
	}

	private static String local(Instant t) {
		return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(t, TimeConfig.BUSINESS_ZONE));
	}
}
