package com.kcm.policy;

/** What a policy number counts; shown beside the value and used by {@link Policies#durationAt}. */
public enum PolicyUnit {
	DAYS, WORKING_DAYS, HOURS, MONTHS, YEARS, KM, COUNT, ROWS, DAY_OF_MONTH, TIME_OF_DAY, CNY, TEXT, TABLE;

	/** Message-bundle key of the unit's label. */
	public String labelKey() {
		return "policy.unit." + name();
	}
}
