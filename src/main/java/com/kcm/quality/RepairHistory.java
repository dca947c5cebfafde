package com.kcm.quality;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.shared.TimeConfig;

/** Reads of the repair history for other modules (no scope: for their jobs), by vehicle id. */
@Service
public class RepairHistory {

	private final JdbcClient jdbc;

	RepairHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The vehicles whose latest repair order (as of today) was opened on this local business date — e.g. for the
	 * maintenance reminder a number of months after it.
	 */
	@Transactional(readOnly = true)
	public List<Long> vehiclesLastRepairedOn(LocalDate day) {
		var start = day.atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant().atOffset(ZoneOffset.UTC);
		var end = day.plusDays(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant().atOffset(ZoneOffset.UTC);
		return jdbc.sql("select distinct r.vehicle_id from repair_order r where r.opened_at >= :start and r.opened_at < :end "
				+ "and not exists (select 1 from repair_order s where s.vehicle_id = r.vehicle_id and s.opened_at >= :end) "
				+ "order by r.vehicle_id").param("start", start).param("end", end).query(Long.class).list();
	}
}
