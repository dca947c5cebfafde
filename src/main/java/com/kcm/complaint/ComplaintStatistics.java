package com.kcm.complaint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Aggregate figures over complaints for dashboards, scoped to the caller (SPEC §8): one SQL group-by, no
 * complaint is loaded.
 */
@Service
public class ComplaintStatistics {

	/** How many complaints of a category ({@code null}: not classified). */
	public record CategoryCount(Category category, long count) {
	}

	private final ComplaintAccess access;
	private final JdbcClient jdbc;

	ComplaintStatistics(ComplaintAccess access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	/**
	 * Complaints (kind {@code COMPLAINT}, every channel) first dispatched from {@code from} up to, not
	 * including, {@code to}, by category, largest first. {@code dealerIds} (null: any) keeps the complaints
	 * with a work order (not voided) to one of those dealers; the caller's scope is applied on top the same
	 * way, so a dealer user counts only complaints its dealer handles.
	 */
	public List<CategoryCount> byCategory(Instant from, Instant to, Collection<Long> dealerIds) {
		List<Long> visible = access.visibleDealers();
		List<Long> dealers = dealerIds == null ? visible
				: visible == null ? List.copyOf(dealerIds) : dealerIds.stream().filter(visible::contains).toList();
		if (dealers != null && dealers.isEmpty()) {
			return List.of();
		}
		String sql = "select c.category, count(*) as n from complaint c where c.kind = 'COMPLAINT'"
				+ " and c.first_dispatched_at >= :from and c.first_dispatched_at < :to"
				+ (dealers == null ? "" : " and exists (select 1 from work_order w where w.complaint_id = c.id"
						+ " and w.status <> 'VOIDED' and w.dealer_id in (:dealers))")
				+ " group by c.category order by n desc, c.category";
		var spec = jdbc.sql(sql).param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC));
		if (dealers != null) {
			spec = spec.param("dealers", dealers);
		}
		List<CategoryCount> out = new ArrayList<>();
		spec.query((rs, i) -> {
			String c = rs.getString("category");
			return new CategoryCount(c == null ? null : Category.valueOf(c), rs.getLong("n"));
		}).list().forEach(out::add);
		return out;
	}
}
