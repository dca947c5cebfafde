package com.kcm.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goodwill (让步服务, SPEC §7.9) summed per dealer and month for the assessment pages: information only, it
 * changes no indicator or amount. The month is the month of the proposal (business zone). The caller scopes:
 * it asks only for dealers its user may see.
 */
@Service
public class GoodwillTotals {

	/** One dealer's goodwill in a month: approved and still waiting for a decision, count and CNY total. */
	public record DealerGoodwill(long dealerId, long approved, BigDecimal approvedTotal, long proposed,
			BigDecimal proposedTotal) {

		static DealerGoodwill none(long dealerId) {
			return new DealerGoodwill(dealerId, 0, BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2));
		}
	}

	private final JdbcClient jdbc;

	GoodwillTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The given dealers' totals in the month (one grouped query on the month-dealer index); zeros for none. */
	@Transactional(readOnly = true)
	public Map<Long, DealerGoodwill> of(YearMonth month, Collection<Long> dealerIds) {
		Map<Long, DealerGoodwill> totals = new HashMap<>();
		if (dealerIds.isEmpty()) {
			return totals;
		}
		query(month, List.copyOf(dealerIds)).forEach(r -> totals.put(r.dealerId(), r));
		dealerIds.forEach(id -> totals.putIfAbsent(id, DealerGoodwill.none(id)));
		return totals;
	}

	/** Every dealer with goodwill in the month (one grouped query). */
	List<DealerGoodwill> ofMonth(YearMonth month) {
		return query(month, null);
	}

	private List<DealerGoodwill> query(YearMonth month, List<Long> dealerIds) {
		return jdbc.sql("select dealer_id, "
				+ "sum(case when status = 'APPROVED' then 1 else 0 end) as approved, "
				+ "sum(case when status = 'APPROVED' then amount else 0 end) as approved_total, "
				+ "sum(case when status = 'PROPOSED' then 1 else 0 end) as proposed, "
				+ "sum(case when status = 'PROPOSED' then amount else 0 end) as proposed_total "
				+ "from goodwill where period_month = :month" + (dealerIds == null ? "" : " and dealer_id in (:dealers)")
				+ " group by dealer_id")
				.params(dealerIds == null ? Map.of("month", month.toString())
						: Map.of("month", month.toString(), "dealers", dealerIds))
				.query((rs, n) -> new DealerGoodwill(rs.getLong("dealer_id"), rs.getLong("approved"),
						money(rs.getBigDecimal("approved_total")), rs.getLong("proposed"),
						money(rs.getBigDecimal("proposed_total"))))
				.list();
	}

	/** One dealer's totals in the month. */
	public DealerGoodwill of(YearMonth month, long dealerId) {
		return of(month, List.of(dealerId)).get(dealerId);
	}

	private static BigDecimal money(BigDecimal v) {
		return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
	}
}
