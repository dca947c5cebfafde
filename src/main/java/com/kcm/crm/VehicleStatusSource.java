package com.kcm.crm;

import java.util.List;
import java.util.Map;

/**
 * A module's per-vehicle state for the vehicles section of the customer 360° page (e.g. the 三包 state of the
 * quality module): badges by vehicle id, read in one query for all the customer's vehicles.
 */
public interface VehicleStatusSource {

	/** A badge: its text and a Bootstrap colour ({@code danger}, {@code warning}, {@code secondary}, …). */
	record Badge(String text, String colour) {
	}

	Map<Long, List<Badge>> badges(List<Long> vehicleIds);
}
