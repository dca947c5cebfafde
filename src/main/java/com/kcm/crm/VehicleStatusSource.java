package com.kcm.crm;

import java.util.List;
import java.util.Map;

import com.kcm.customer.VehicleView;

/**
 * A module's per-vehicle state for the vehicles section of the customer 360° page (e.g. the 三包 state of the
 * quality module): badges by vehicle id, read in one query for all the customer's vehicles (the caller has
 * already checked that the customer is visible).
 */
public interface VehicleStatusSource {

	/** A badge: its text and a Bootstrap colour ({@code danger}, {@code warning}, {@code secondary}, …). */
	record Badge(String text, String colour) {
	}

	Map<Long, List<Badge>> badges(List<VehicleView> vehicles);
}
