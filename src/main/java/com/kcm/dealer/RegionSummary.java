package com.kcm.dealer;

/** A sales region (大区) as other modules see it. */
public record RegionSummary(long id, String code, String name) {

	public String label() {
		return code + " " + name;
	}
}
