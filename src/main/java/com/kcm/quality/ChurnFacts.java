package com.kcm.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.identity.Scope;
import com.kcm.shared.TimeConfig;

/**
 * The repair history behind the churn analysis (SPEC §7.6, Appendix A.4), offered to the voice module: for each
 * customer owning a vehicle with a repair order opened on or before the as-of date (business zone), its latest
 * such order (ties: the larger repair-order number) — the dealer and vehicle model of that order and whether it
 * was opened before the as-of date minus the months ({@code minusMonths}; an order opened on that date keeps the
 * customer). One set-based query (a window over the join of repair orders and vehicles), supported by
 * {@code ix_repair_order_churn} and {@code ix_vehicle_owner_churn}. The caller's scope applies to the dealer of
 * the latest order.
 */
@Service
public class ChurnFacts {

	/** Customers of one dealer and vehicle model (of their latest order): how many, how many churned. */
	public record Cell(long dealerId, String model, long base, long churned) {
	}

	/** One churned customer: its latest repair order (dealer, number, opening instant, vehicle). */
	public record ChurnedCustomer(long customerId, long dealerId, String repairOrderNo, Instant lastVisit, String vin,
			String model) {
	}

	/** The as-of date of a trend point and its cells. */
	public record Point(LocalDate asOf, List<Cell> cells) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate streaming;

	ChurnFacts(JdbcTemplate template) {
		this.jdbc = new NamedParameterJdbcTemplate(template);
		JdbcTemplate cursor = new JdbcTemplate(template.getDataSource());
		cursor.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
	}

	/** The first instant after the as-of date: orders opened before it are opened on or before the date. */
	static Instant endOf(LocalDate asOf) {
		return asOf.plusDays(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	/** Orders opened before this instant (before the date asOf minus months) no longer keep the customer. */
	static Instant cutoff(LocalDate asOf, int months) {
		return asOf.minusMonths(months).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	/**
	 * The latest order of each vehicle first (a window that reads {@code ix_repair_order_churn} in its order, no
	 * sort of all orders), then the latest of each customer's vehicles (a sort of one row per vehicle only).
	 */
	private static final String LATEST = """
			with per_vehicle as (
			  select r.vehicle_id, r.dealer_id, r.repair_order_no, r.opened_at,
			         row_number() over (partition by r.vehicle_id
			                            order by r.opened_at desc, r.repair_order_no desc, r.dealer_id desc) as rn
			  from repair_order r where r.opened_at < :until
			), ranked as (
			  select v.owner_id as customer_id, p.dealer_id, v.model, v.vin, p.repair_order_no, p.opened_at,
			         row_number() over (partition by v.owner_id
			                            order by p.opened_at desc, p.repair_order_no desc, p.dealer_id desc) as rn
			  from per_vehicle p join vehicle v on v.id = p.vehicle_id
			  where p.rn = 1 and v.owner_id is not null
			), latest as (
			  select l.* from ranked l join dealer d on d.id = l.dealer_id
			  where l.rn = 1 %s
			)
			""";

	private static String scoped(Scope scope, MapSqlParameterSource p) {
		StringBuilder sb = new StringBuilder();
		if (scope.dealerId() != null) {
			sb.append(" and l.dealer_id = :dealerId");
			p.addValue("dealerId", scope.dealerId());
		}
		if (scope.regionId() != null) {
			sb.append(" and d.region_id = :regionId");
			p.addValue("regionId", scope.regionId());
		}
		return sb.toString();
	}

	private static MapSqlParameterSource params(LocalDate asOf, int months) {
		return new MapSqlParameterSource().addValue("until", Timestamp.from(endOf(asOf)))
				.addValue("cutoff", Timestamp.from(cutoff(asOf, months)));
	}

	/** The base and churned customers as of the date, by dealer and model of their latest order, in scope. */
	@Transactional(readOnly = true)
	public List<Cell> cells(LocalDate asOf, int months, Scope scope) {
		MapSqlParameterSource p = params(asOf, months);
		String sql = LATEST.formatted(scoped(scope, p)) + """
				select dealer_id, model, count(*) as base, sum(case when opened_at < :cutoff then 1 else 0 end) as churned
				from latest group by dealer_id, model
				""";
		return jdbc.query(sql, p, (rs, i) -> new Cell(rs.getLong("dealer_id"), rs.getString("model"),
				rs.getLong("base"), rs.getLong("churned")));
	}

	/**
	 * The cells as of each of the dates, in one query: for every customer and date the latest order opened on or
	 * before that date is the order whose next one (in the same order as {@link #cells}) is opened after it.
	 */
	@Transactional(readOnly = true)
	public List<Point> trend(List<LocalDate> asOfs, int months, Scope scope) {
		if (asOfs.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource();
		LocalDate last = asOfs.stream().max(LocalDate::compareTo).orElseThrow();
		p.addValue("until", Timestamp.from(endOf(last)));
		StringBuilder dates = new StringBuilder();
		for (int i = 0; i < asOfs.size(); i++) {
			dates.append(i == 0 ? "" : " union all ").append("select ").append(i).append(" as k, cast(:u").append(i)
					.append(" as timestamp with time zone) as until_at, cast(:c").append(i)
					.append(" as timestamp with time zone) as cutoff_at");
			p.addValue("u" + i, Timestamp.from(endOf(asOfs.get(i))));
			p.addValue("c" + i, Timestamp.from(cutoff(asOfs.get(i), months)));
		}
		String where = scoped(scope, p);
		String sql = """
				with ordered as (
				  select v.owner_id as customer_id, r.dealer_id, v.model, r.opened_at,
				         lead(r.opened_at) over (partition by v.owner_id
				                                 order by r.opened_at, r.repair_order_no, r.dealer_id) as next_opened
				  from repair_order r join vehicle v on v.id = r.vehicle_id
				  where v.owner_id is not null and r.opened_at < :until
				), points as (%s)
				select t.k, l.dealer_id, l.model, count(*) as base,
				       sum(case when l.opened_at < t.cutoff_at then 1 else 0 end) as churned
				from ordered l join points t on l.opened_at < t.until_at
				                            and (l.next_opened is null or l.next_opened >= t.until_at)
				join dealer d on d.id = l.dealer_id
				where 1 = 1 %s
				group by t.k, l.dealer_id, l.model
				""".formatted(dates, where);
		Map<Integer, List<Cell>> byPoint = new LinkedHashMap<>();
		jdbc.query(sql, p, (ResultSet rs) -> {
			byPoint.computeIfAbsent(rs.getInt("k"), x -> new ArrayList<>()).add(new Cell(rs.getLong("dealer_id"),
					rs.getString("model"), rs.getLong("base"), rs.getLong("churned")));
		});
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < asOfs.size(); i++) {
			points.add(new Point(asOfs.get(i), byPoint.getOrDefault(i, List.of())));
		}
		return points;
	}

	/** How many customers are churned as of the date in scope (optionally of one dealer). */
	@Transactional(readOnly = true)
	public long countChurned(LocalDate asOf, int months, Scope scope, Long dealerId) {
		MapSqlParameterSource p = params(asOf, months);
		String sql = LATEST.formatted(scoped(scope, p) + dealerFilter(dealerId, p))
				+ "select count(*) from latest l where l.opened_at < :cutoff";
		Long n = jdbc.queryForObject(sql, p, Long.class);
		return n == null ? 0 : n;
	}

	private static String dealerFilter(Long dealerId, MapSqlParameterSource p) {
		if (dealerId == null) {
			return "";
		}
		p.addValue("onlyDealer", dealerId);
		return " and l.dealer_id = :onlyDealer";
	}

	/** One page of the churned customers, the most recently seen first (then by customer id). */
	@Transactional(readOnly = true)
	public List<ChurnedCustomer> churned(LocalDate asOf, int months, Scope scope, Long dealerId, int offset,
			int limit) {
		MapSqlParameterSource p = params(asOf, months).addValue("offset", offset).addValue("limit", limit);
		String sql = LATEST.formatted(scoped(scope, p) + dealerFilter(dealerId, p))
				+ "select * from latest l where l.opened_at < :cutoff order by l.opened_at desc, l.customer_id"
				+ " offset :offset rows fetch next :limit rows only";
		return jdbc.query(sql, p, (rs, i) -> churned(rs));
	}

	/** Every churned customer in scope, streamed from one cursor (for the export), in the list's order. */
	@Transactional(readOnly = true)
	public void eachChurned(LocalDate asOf, int months, Scope scope, Long dealerId, Consumer<ChurnedCustomer> sink) {
		MapSqlParameterSource p = params(asOf, months);
		String sql = LATEST.formatted(scoped(scope, p) + dealerFilter(dealerId, p))
				+ "select * from latest l where l.opened_at < :cutoff order by l.opened_at desc, l.customer_id";
		streaming.query(sql, p, (ResultSet rs) -> {
			sink.accept(churned(rs));
		});
	}

	/** The latest repair order of each of the customers as of the date (for retention calls). */
	@Transactional(readOnly = true)
	public Map<Long, ChurnedCustomer> latestOf(List<Long> customerIds, LocalDate asOf) {
		Map<Long, ChurnedCustomer> out = new LinkedHashMap<>();
		if (customerIds.isEmpty()) {
			return out;
		}
		MapSqlParameterSource p = params(asOf, 0).addValue("ids", customerIds);
		String sql = """
				with ranked as (
				  select v.owner_id as customer_id, r.dealer_id, v.model, v.vin, r.repair_order_no, r.opened_at,
				         row_number() over (partition by v.owner_id
				                            order by r.opened_at desc, r.repair_order_no desc, r.dealer_id desc) as rn
				  from repair_order r join vehicle v on v.id = r.vehicle_id
				  where v.owner_id in (:ids) and r.opened_at < :until
				)
				select * from ranked where rn = 1
				""";
		jdbc.query(sql, p, (ResultSet rs) -> {
			ChurnedCustomer c = churned(rs);
			out.put(c.customerId(), c);
		});
		return out;
	}

	private static ChurnedCustomer churned(ResultSet rs) throws SQLException {
		return new ChurnedCustomer(rs.getLong("customer_id"), rs.getLong("dealer_id"), rs.getString("repair_order_no"),
				rs.getTimestamp("opened_at").toInstant(), rs.getString("vin"), rs.getString("model"));
	}
}
