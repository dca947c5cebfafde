package com.kcm.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The repair-order and flag tables, in plain SQL (bulk writes, a vehicle's orders in two queries). Every query
 * is by an indexed column: vehicle, dealer and number, or the flag's state, dealer or model.
 */
@Component
class RepairOrderStore {

	private final JdbcClient jdbc;

	RepairOrderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored order with the ids the calculator does not need. */
	record Row(long id, long vehicleId, String vin, long dealerId, SanbaoCalculator.Order order, String description) {
	}

	/** The orders of these vehicles with their replaced items, by vehicle id, in opening order. */
	Map<Long, List<Row>> ordersOf(Collection<Long> vehicleIds) {
		Map<Long, List<Row>> byVehicle = new LinkedHashMap<>();
		if (vehicleIds.isEmpty()) {
			return byVehicle;
		}
		List<Object[]> raw = jdbc.sql("""
				select id, vehicle_id, vin, dealer_id, repair_order_no, opened_at, closed_at, mileage_km, fault_system,
				       fault_code, description, quality_problem, serious_safety_fault, excluded_hours, early_failure
				from repair_order where vehicle_id in (:ids) order by vehicle_id, opened_at, id""")
				.param("ids", vehicleIds).query((rs, n) -> raw(rs)).list();
		for (Row r : rows(raw)) {
			byVehicle.computeIfAbsent(r.vehicleId(), k -> new ArrayList<>()).add(r);
		}
		return byVehicle;
	}

	private static Object[] raw(ResultSet rs) throws SQLException {
		return new Object[] { rs.getLong("id"), rs.getLong("vehicle_id"), rs.getString("vin"), rs.getLong("dealer_id"),
				rs.getString("repair_order_no"), instant(rs, "opened_at"), instant(rs, "closed_at"),
				rs.getInt("mileage_km"), rs.getString("fault_system"), rs.getString("fault_code"),
				rs.getString("description"), rs.getBoolean("quality_problem"), rs.getBoolean("serious_safety_fault"),
				rs.getBigDecimal("excluded_hours"), rs.getString("early_failure") };
	}

	private Map<Long, List<SanbaoCalculator.Item>> itemsOf(List<Long> orderIds) {
		Map<Long, List<SanbaoCalculator.Item>> items = new HashMap<>();
		if (orderIds.isEmpty()) {
			return items;
		}
		jdbc.sql("select repair_order_id, item_system, part_no, whole_unit from repair_order_item "
				+ "where repair_order_id in (:ids) order by id").param("ids", orderIds).query(rs -> {
					items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
							.add(new SanbaoCalculator.Item(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
				});
		return items;
	}

	/** One page of the orders of these vehicles, the latest opened first, with their items. */
	List<Row> page(Collection<Long> vehicleIds, long offset, int limit) {
		if (vehicleIds.isEmpty()) {
			return List.of();
		}
		List<Object[]> raw = jdbc.sql("""
				select id, vehicle_id, vin, dealer_id, repair_order_no, opened_at, closed_at, mileage_km, fault_system,
				       fault_code, description, quality_problem, serious_safety_fault, excluded_hours, early_failure
				from repair_order where vehicle_id in (:ids) order by opened_at desc, id desc
				offset :offset rows fetch next :limit rows only""")
				.param("ids", vehicleIds).param("offset", offset).param("limit", limit).query((rs, n) -> raw(rs)).list();
		return rows(raw);
	}

	long count(Collection<Long> vehicleIds) {
		return vehicleIds.isEmpty() ? 0
				: jdbc.sql("select count(*) from repair_order where vehicle_id in (:ids)").param("ids", vehicleIds)
						.query(Long.class).single();
	}

	private List<Row> rows(List<Object[]> raw) {
		Map<Long, List<SanbaoCalculator.Item>> items = itemsOf(raw.stream().map(r -> (Long) r[0]).toList());
		List<Row> rows = new ArrayList<>();
		for (Object[] r : raw) {
			long id = (Long) r[0];
			SanbaoCalculator.Order o = new SanbaoCalculator.Order((String) r[4], (Instant) r[5], (Instant) r[6],
					(Integer) r[7], (String) r[8], (String) r[9], (Boolean) r[11], (Boolean) r[12],
					items.getOrDefault(id, List.of()), (BigDecimal) r[13], (String) r[14]);
			rows.add(new Row(id, (Long) r[1], (String) r[2], (Long) r[3], o, (String) r[10]));
		}
		return rows;
	}

	/** The numbers among {@code numbers} that the dealer has used already. */
	Set<String> takenNumbers(long dealerId, Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select repair_order_no from repair_order where dealer_id = :d and repair_order_no in (:n)")
				.param("d", dealerId).param("n", numbers).query(String.class).list());
	}

	long insert(long vehicleId, String vin, long dealerId, SanbaoCalculator.Order o, String description, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into repair_order (vehicle_id, vin, dealer_id, repair_order_no, opened_at, closed_at, mileage_km,
				  fault_system, fault_code, description, quality_problem, serious_safety_fault, excluded_hours,
				  early_failure, created_at)
				values (:vehicle, :vin, :dealer, :no, :opened, :closed, :km, :system, :fault, :description, :quality,
				  :serious, :excluded, :early, :now)""")
				.param("vehicle", vehicleId).param("vin", vin).param("dealer", dealerId).param("no", o.repairOrderNo())
				.param("opened", utc(o.openedAt())).param("closed", utc(o.closedAt()))
				.param("km", (int) o.mileageKm()).param("system", o.system()).param("fault", o.faultCode())
				.param("description", description).param("quality", o.qualityProblem())
				.param("serious", o.seriousSafetyFault()).param("excluded", o.excludedHours())
				.param("early", o.earlyFailure()).param("now", utc(now)).update(keys, "id");
		long id = keys.getKey().longValue();
		for (SanbaoCalculator.Item i : o.replaced()) {
			jdbc.sql("insert into repair_order_item (repair_order_id, item_system, part_no, whole_unit) values (:o, :s, :p, :w)")
					.param("o", id).param("s", i.system()).param("p", i.partNo()).param("w", i.wholeUnit()).update();
		}
		return id;
	}

	/** A vehicle's stored flag: its state and when it first turned reached. */
	record StoredFlag(String state, Instant reachedAt) {
	}

	Map<Long, Map<String, StoredFlag>> flagsOf(Collection<Long> vehicleIds) {
		Map<Long, Map<String, StoredFlag>> m = new HashMap<>();
		if (vehicleIds.isEmpty()) {
			return m;
		}
		jdbc.sql("select vehicle_id, code, state, reached_at from sanbao_flag where vehicle_id in (:ids)")
				.param("ids", vehicleIds).query(rs -> {
					m.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
							new StoredFlag(rs.getString(3), instant(rs, "reached_at")));
				});
		return m;
	}

	/** What the flag list shows of a vehicle besides its flags. */
	record VehicleFacts(long vehicleId, String vin, String model, Long sellingDealerId) {
	}

	/**
	 * Replaces the stored flags of a vehicle: the given ones, and {@code NONE} for a code flagged before and not
	 * any more (its first reached instant is kept, so a flag is announced once).
	 */
	void storeFlags(VehicleFacts v, List<SanbaoFlag> flags, Map<String, StoredFlag> before, Map<String, Instant> reachedAt,
			Instant now) {
		jdbc.sql("delete from sanbao_flag where vehicle_id = :v").param("v", v.vehicleId()).update();
		Set<String> written = new HashSet<>();
		for (SanbaoFlag f : flags) {
			written.add(f.code());
			insertFlag(v, f.code(), f.state(), f.figure(), f.threshold(), f.article(), f, reachedAt.get(f.code()), now);
		}
		before.forEach((code, old) -> {
			if (!written.contains(code) && old.reachedAt() != null) {
				insertFlag(v, code, "NONE", 0, 0, "-", null, old.reachedAt(), now);
			}
		});
	}

	private void insertFlag(VehicleFacts v, String code, String state, int figure, int threshold, String article,
			SanbaoFlag f, Instant reachedAt, Instant now) {
		jdbc.sql("""
				insert into sanbao_flag (vehicle_id, code, vin, model, selling_dealer_id, state, figure, threshold, article,
				  fault_code, item_system, part_no, remedy, repair_order_no, computed_at, reached_at)
				values (:v, :code, :vin, :model, :dealer, :state, :figure, :threshold, :article, :fault, :system, :part,
				  :remedy, :ro, :now, :reached)""")
				.param("v", v.vehicleId()).param("code", code).param("vin", v.vin()).param("model", v.model())
				.param("dealer", v.sellingDealerId()).param("state", state).param("figure", figure)
				.param("threshold", threshold).param("article", article)
				.param("fault", f == null ? null : f.faultCode()).param("system", f == null ? null : f.system())
				.param("part", f == null ? null : f.partNo()).param("remedy", f == null ? null : f.remedy())
				.param("ro", f == null ? null : f.repairOrderNo()).param("now", utc(now))
				.param("reached", utc(reachedAt)).update();
	}

	/** A row of the flag list. */
	record FlagRow(long vehicleId, String vin, String model, Long sellingDealerId, SanbaoFlag flag, Instant computedAt,
			Instant reachedAt) {
	}

	/** Filters of the flag list; null or blank means any. */
	record FlagFilter(String code, String state, Long dealerId, String model) {
	}

	/** Flags in force (reached or approaching), reached first, then the latest vehicle first. */
	List<FlagRow> flags(FlagFilter f, long offset, int limit) {
		StringBuilder sql = new StringBuilder("""
				select vehicle_id, code, vin, model, selling_dealer_id, state, figure, threshold, article, fault_code,
				       item_system, part_no, remedy, repair_order_no, computed_at, reached_at
				from sanbao_flag where """);
		MapSqlParameterSource params = where(f, sql);
		sql.append(" order by state desc, vehicle_id desc, code offset :offset rows fetch next :limit rows only");
		var spec = jdbc.sql(sql.toString()).paramSource(params.addValue("offset", offset).addValue("limit", limit));
		return spec.query((rs, n) -> new FlagRow(rs.getLong("vehicle_id"), rs.getString("vin"), rs.getString("model"),
				(Long) rs.getObject("selling_dealer_id", Long.class),
				new SanbaoFlag(rs.getString("code"), rs.getString("state"), rs.getInt("figure"), rs.getInt("threshold"),
						rs.getString("article"), rs.getString("fault_code"), rs.getString("item_system"),
						rs.getString("part_no"), rs.getString("remedy"), rs.getString("repair_order_no")),
				instant(rs, "computed_at"), instant(rs, "reached_at"))).list();
	}

	/** The list's pager counts at most this many rows (and says "more"): counting every flag costs too much. */
	static final int COUNT_CAP = 10_000;

	/** The number of matching flags, at most {@link #COUNT_CAP} + 1. */
	long countFlags(FlagFilter f) {
		StringBuilder sql = new StringBuilder("select count(*) from (select 1 from sanbao_flag where ");
		MapSqlParameterSource params = where(f, sql);
		sql.append(" fetch first ").append(COUNT_CAP + 1).append(" rows only) x");
		return jdbc.sql(sql.toString()).paramSource(params).query(Long.class).single();
	}

	private static MapSqlParameterSource where(FlagFilter f, StringBuilder sql) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		sql.append(' '); // a text block drops the trailing space after "where"
		if (f.state() != null && !f.state().isBlank()) {
			sql.append("state = :state");
			params.addValue("state", f.state());
		} else {
			sql.append("state in ('REACHED', 'APPROACHING')");
		}
		if (f.code() != null && !f.code().isBlank()) {
			sql.append(" and code = :code");
			params.addValue("code", f.code());
		}
		if (f.dealerId() != null) {
			sql.append(" and selling_dealer_id = :dealer");
			params.addValue("dealer", f.dealerId());
		}
		if (f.model() != null && !f.model().isBlank()) {
			sql.append(" and model = :model");
			params.addValue("model", f.model().strip());
		}
		return params;
	}

	/** A vehicle by id and VIN. */
	record VehicleKey(long id, String vin) {
	}

	/** Vehicles with an order open now or an approaching flag (the ones time can change), by id after {@code afterId}. */
	List<VehicleKey> vehiclesToRecompute(long afterId, int limit) {
		return jdbc.sql("""
				select vehicle_id, min(vin) as vin from (
				  select vehicle_id, vin from repair_order where closed_at is null and vehicle_id > :after
				  union select vehicle_id, vin from sanbao_flag where state = 'APPROACHING' and vehicle_id > :after) x
				group by vehicle_id order by vehicle_id fetch first :limit rows only""")
				.param("after", afterId).param("limit", limit)
				.query((rs, n) -> new VehicleKey(rs.getLong(1), rs.getString(2))).list();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime utc(Instant t) {
		return t == null ? null : t.atOffset(ZoneOffset.UTC);
	}
}
