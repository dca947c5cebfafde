package com.kcm.complaint;

import java.util.Collection;
import java.util.Set;

/**
 * Marks for the complaint lists from another module: which of the given vehicles need after-sales' attention
 * (the quality module answers the vehicles with a reached 三包 flag, SPEC §7.8). One query for a page of rows;
 * the board marks a product-quality complaint of such a vehicle.
 */
public interface VehicleAlerts {

	/** Of the given vehicle ids, those with an alert now. */
	Set<Long> alerted(Collection<Long> vehicleIds);
}
