package com.kcm.complaint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the quality analysis (SPEC §7.7) needs of complaints, scoped to the caller like the complaint list:
 * counts of complaints (kind {@code COMPLAINT}) first dispatched in a period by category, sub-category, vehicle model or
 * responsible dealer; the product-quality complaints with a final reply by fault cause and by replaced part; and
 * the complaints behind one bar. Plain SQL over indexed columns; nothing is loaded as an entity.
 */
@Service
@Transactional(readOnly = true)
public class QualityFacts {

	/** A count for one key ({@code null} key: not recorded). */
	public record Count(String key, long count) {
	}

	/** One complaint behind a bar. */
	public record Line(long id, Instant firstDispatchedAt, String category, String status, Long responsibleDealerId,
			String description) {
	}

	/**
	 * How complaints are grouped: by category, sub-category (code of the classification standard), vehicle model or
	 * responsible dealer (id as text).
	 */
	public enum Dimension {
		CATEGORY("c.category"), SUB_CATEGORY("c.sub_category"), MODEL("v.model"), DEALER("cast(c.responsible_dealer_id as varchar(20))");

		final String column;

		Dimension(String column) {
			this.column = column;
		}
	}

	private final ComplaintAccess access;
	private final JdbcClient jdbc;

	QualityFacts(ComplaintAccess access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	private static final String WHERE = " where c.kind = 'COMPLAINT' and c.first_dispatched_at >= :from and c.first_dispatched_at < :to";
	private static final String BASE = " from complaint c left join vehicle v on v.id = c.vehicle_id" + WHERE;
	private static final String FINAL_REPLIES = " from complaint c join work_order wo on wo.complaint_id = c.id"
			+ " join work_order_reply r on r.work_order_id = wo.id" + WHERE
			+ " and c.category = 'PRODUCT_QUALITY' and r.final_result = true";

	/** Complaints first dispatched in [from, to) by the dimension's key, largest first. */
	public List<Count> counts(Dimension d, Instant from, Instant to) {
		MapSqlParameterSource p = range(from, to);
		String scope = scope(p);
		if (scope == null) {
			return List.of();
		}
		return jdbc.sql("select " + d.column + " as k, count(*) as n" + BASE + scope + " group by " + d.column
				+ " order by n desc").paramSource(p).query((rs, i) -> new Count(rs.getString("k"), rs.getLong("n"))).list();
	}

	/**
	 * Product-quality complaints first dispatched in [from, to) with a final reply, by fault cause or by replaced
	 * part ({@code byPart}); a complaint counts once per cause or part (of any of its final replies).
	 */
	public List<Count> pareto(boolean byPart, Instant from, Instant to) {
		MapSqlParameterSource p = range(from, to);
		String scope = scope(p);
		if (scope == null) {
			return List.of();
		}
		List<Object[]> rows = jdbc.sql("select c.id, r.fault_cause, r.parts_replaced" + FINAL_REPLIES + scope).paramSource(p).query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2),
						rs.getString(3) }).list();
		Map<String, java.util.Set<Long>> byKey = new HashMap<>();
		for (Object[] r : rows) {
			if (byPart) {
				String parts = (String) r[2];
				if (parts != null) {
					for (String part : parts.split("\n")) {
						if (!part.isBlank()) {
							byKey.computeIfAbsent(part.strip(), k -> new java.util.HashSet<>()).add((Long) r[0]);
						}
					}
				}
			} else {
				String cause = r[1] == null ? null : ((String) r[1]).strip();
				if (cause != null && !cause.isEmpty()) {
					byKey.computeIfAbsent(cause, k -> new java.util.HashSet<>()).add((Long) r[0]);
				}
			}
		}
		List<Count> out = new ArrayList<>();
		byKey.forEach((k, ids) -> out.add(new Count(k, ids.size())));
		out.sort(java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
		return out;
	}

	/** The complaints of one bar of {@link #counts} (key null: not recorded), latest first, at most {@code limit}. */
	public List<Line> complaints(Dimension d, String key, Instant from, Instant to, int limit) {
		MapSqlParameterSource p = range(from, to);
		String scope = scope(p);
		if (scope == null) {
			return List.of();
		}
		String match;
		if (key == null) {
			match = " and " + d.column + " is null";
		} else {
			match = " and " + d.column + " = :key";
			p.addValue("key", key);
		}
		return lines("select c.id, c.first_dispatched_at, c.category, c.status, c.responsible_dealer_id, c.description"
				+ BASE + scope + match + " order by c.first_dispatched_at desc, c.id desc fetch first " + limit
				+ " rows only", p);
	}

	/** The complaints of one bar of {@link #pareto}, latest first, at most {@code limit}. */
	public List<Line> complaintsOf(boolean byPart, String key, Instant from, Instant to, int limit) {
		MapSqlParameterSource p = range(from, to);
		String scope = scope(p);
		if (scope == null || key == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		jdbc.sql("select c.id, r.fault_cause, r.parts_replaced" + FINAL_REPLIES + scope).paramSource(p).query(rs -> {
					String v = rs.getString(byPart ? 3 : 2);
					boolean hit = v != null && (byPart ? java.util.Arrays.stream(v.split("\n")).map(String::strip)
							.anyMatch(key::equals) : v.strip().equals(key));
					if (hit && !ids.contains(rs.getLong(1))) {
						ids.add(rs.getLong(1));
					}
				});
		if (ids.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource q = new MapSqlParameterSource("ids", ids);
		return lines("select c.id, c.first_dispatched_at, c.category, c.status, c.responsible_dealer_id, c.description"
				+ " from complaint c where c.id in (:ids) order by c.first_dispatched_at desc, c.id desc fetch first "
				+ limit + " rows only", q);
	}

	private List<Line> lines(String sql, MapSqlParameterSource p) {
		return jdbc.sql(sql).paramSource(p).query((rs, i) -> {
			var t = rs.getObject(2, java.time.OffsetDateTime.class);
			long dealer = rs.getLong(5);
			String description = rs.getString(6);
			return new Line(rs.getLong(1), t == null ? null : t.toInstant(), rs.getString(3), rs.getString(4),
					rs.wasNull() ? null : dealer,
					description != null && description.length() > 80 ? description.substring(0, 80) + "…" : description);
		}).list();
	}

	private static MapSqlParameterSource range(Instant from, Instant to) {
		return new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC)).addValue("to", to.atOffset(ZoneOffset.UTC));
	}

	/** The scope predicate (may be empty); null when the caller sees no dealer at all. */
	private String scope(MapSqlParameterSource p) {
		List<Long> dealers = access.visibleDealers();
		if (dealers == null) {
			return "";
		}
		if (dealers.isEmpty()) {
			return null;
		}
		p.addValue("dealers", dealers);
		return " and exists (select 1 from work_order w where w.complaint_id = c.id and w.status <> 'VOIDED'"
				+ " and w.dealer_id in (:dealers))";
	}
}
