package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the stored computations (table assessment_result) back: the latest one per dealer and month, with
 * the Appendix A answer parsed (decimals kept as written). Read-only; the bulletin and the dashboards use it.
 */
@Component
class StoredResults {

	/** One dealer's latest computation of one month. */
	record Stored(long dealerId, YearMonth month, Instant cutoff, Instant computedAt, JsonNode result) {

		int integer(String field) {
			JsonNode n = result.get(field);
			return n == null || n.isNull() ? 0 : n.asInt();
		}

		/** A rate or an amount; {@code null} when absent or null. */
		BigDecimal decimal(String field) {
			JsonNode n = result.get(field);
			return n == null || n.isNull() ? null : n.decimalValue();
		}
	}

	private static final String LATEST = """
			select dealer_id, period_month, cutoff, computed_at, result from (
			  select r.dealer_id, r.period_month, r.cutoff, r.computed_at, r.result,
			         row_number() over (partition by r.period_month, r.dealer_id order by r.computed_at desc, r.id desc) as rn
			  from assessment_result r
			  where r.period_month in (:months)%s
			) x where x.rn = 1
			""";

	private final JdbcClient jdbc;
	private final ObjectReader reader;

	StoredResults(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/**
	 * The latest computation of each dealer for each of the months; {@code dealerIds} null means every dealer,
	 * empty means none. One query; a dealer-month never computed is absent.
	 */
	List<Stored> latest(Collection<YearMonth> months, Collection<Long> dealerIds) {
		if (months.isEmpty() || (dealerIds != null && dealerIds.isEmpty())) {
			return List.of();
		}
		String sql = LATEST.formatted(dealerIds == null ? "" : " and r.dealer_id in (:dealers)");
		var spec = jdbc.sql(sql).param("months", months.stream().map(YearMonth::toString).toList());
		if (dealerIds != null) {
			spec = spec.param("dealers", List.copyOf(dealerIds));
		}
		List<Stored> out = new ArrayList<>();
		spec.query((rs, i) -> new Stored(rs.getLong("dealer_id"), YearMonth.parse(rs.getString("period_month")),
				rs.getObject("cutoff", OffsetDateTime.class).toInstant(),
				rs.getObject("computed_at", OffsetDateTime.class).toInstant(), reader.readTree(rs.getString("result"))))
				.list().forEach(out::add);
		return out;
	}

	/** Whether the month has been computed at all (for any dealer). */
	boolean computed(YearMonth month) {
		return jdbc.sql("select count(*) from assessment_result where period_month = :m").param("m", month.toString())
				.query(Long.class).single() > 0;
	}

	/** The most recent month that has a computation, if any. */
	Optional<YearMonth> lastComputedMonth() {
		List<String> max = jdbc.sql("select max(period_month) from assessment_result").query(String.class).list();
		return max.isEmpty() || max.get(0) == null ? Optional.empty() : Optional.of(YearMonth.parse(max.get(0)));
	}
}
