package com.kcm.quality;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.complaint.VehicleAlerts;

/**
 * Marks on the complaint lists (SPEC §7.8): a vehicle with a stored {@code REACHED} 三包 flag needs after-sales.
 * Reads the stored flags (kept current by every import and the recompute job) on their primary key.
 */
@Component
class SanbaoAlerts implements VehicleAlerts {

	private final JdbcClient jdbc;

	SanbaoAlerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> alerted(Collection<Long> vehicleIds) {
		if (vehicleIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select distinct vehicle_id from sanbao_flag where vehicle_id in (:ids) "
				+ "and state = 'REACHED'").param("ids", List.copyOf(vehicleIds)).query(Long.class).list());
	}
}
