package com.kcm.quality;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.shared.TimeConfig;

/**
 * Customers selected by their service history, for the voice module's survey campaigns (SPEC §7.4): class
 * (effective: set by hand, else computed, else C), the dealer and region of their latest repair order, a vehicle
 * model they own, and a latest repair order opened before a date. Active customers only (not merged, not
 * anonymised); each with the dealer of its latest repair order (or none).
 */
@Service
public class ServiceHistory {

	/** The filters; each {@code null} when not used. */
	public record Selection(String customerClass, Long dealerId, Long regionId, String model, LocalDate lastServiceBefore) {
	}

	/** One selected customer and the dealer of its latest repair order ({@code null} when none). */
	public record Selected(long customerId, Long dealerId) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate streaming;

	ServiceHistory(JdbcTemplate template) {
		this.jdbc = new NamedParameterJdbcTemplate(template);
		JdbcTemplate cursor = new JdbcTemplate(template.getDataSource());
		cursor.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
	}

	private static String sql(Selection s, MapSqlParameterSource p, String select) {
		StringBuilder sb = new StringBuilder("""
				with per_vehicle as (
				  select r.vehicle_id, r.dealer_id, r.repair_order_no, r.opened_at,
				         row_number() over (partition by r.vehicle_id
				                            order by r.opened_at desc, r.repair_order_no desc, r.dealer_id desc) as rn
				  from repair_order r
				), ranked as (
				  select v.owner_id as customer_id, p.dealer_id, p.opened_at,
				         row_number() over (partition by v.owner_id
				                            order by p.opened_at desc, p.repair_order_no desc, p.dealer_id desc) as rn
				  from per_vehicle p join vehicle v on v.id = p.vehicle_id
				  where p.rn = 1 and v.owner_id is not null
				)
				""");
		sb.append(select).append("""
				 from customer c
				left join ranked l on l.customer_id = c.id and l.rn = 1
				left join dealer d on d.id = l.dealer_id
				where c.merged_into_id is null and c.anonymised_at is null""");
		if (s.customerClass() != null) {
			sb.append(" and coalesce(c.customer_class, c.computed_class, 'C') = :class");
			p.addValue("class", s.customerClass());
		}
		if (s.dealerId() != null) {
			sb.append(" and l.dealer_id = :dealer");
			p.addValue("dealer", s.dealerId());
		}
		if (s.regionId() != null) {
			sb.append(" and d.region_id = :region");
			p.addValue("region", s.regionId());
		}
		if (s.model() != null) {
			sb.append(" and exists (select 1 from vehicle m where m.owner_id = c.id and m.model = :model)");
			p.addValue("model", s.model());
		}
		if (s.lastServiceBefore() != null) {
			sb.append(" and l.opened_at < :before");
			p.addValue("before", Timestamp.from(s.lastServiceBefore().atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant()));
		}
		return sb.toString();
	}

	@Transactional(readOnly = true)
	public long count(Selection s) {
		MapSqlParameterSource p = new MapSqlParameterSource();
		Long n = jdbc.queryForObject(sql(s, p, "select count(*)"), p, Long.class);
		return n == null ? 0 : n;
	}

	/** Every selected customer by id, from one cursor. */
	@Transactional(readOnly = true)
	public void each(Selection s, Consumer<Selected> sink) {
		MapSqlParameterSource p = new MapSqlParameterSource();
		streaming.query(sql(s, p, "select c.id as customer_id, l.dealer_id") + " order by c.id", p,
				(java.sql.ResultSet rs) -> {
					long dealer = rs.getLong("dealer_id");
					sink.accept(new Selected(rs.getLong("customer_id"), rs.wasNull() ? null : dealer));
				});
	}
}
