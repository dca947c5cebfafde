package com.kcm.quality;

/**
 * One 三包 flag of a vehicle (Appendix A.2): its code, {@code REACHED} or {@code APPROACHING}, the figure
 * against the threshold and the article of SAMR Order 43. The detail fields that do not apply to the code are
 * null: {@code faultCode} (SAME_PROBLEM_REPAIRS), {@code system} (WHOLE_UNIT_REPLACEMENTS, and the system of
 * the part for MAIN_PART_REPLACEMENTS), {@code partNo} (MAIN_PART_REPLACEMENTS), {@code remedy}
 * (EARLY_UNIT_FAULT) and {@code repairOrderNo} (the order behind EARLY_UNIT_FAULT, EARLY_SAFETY_FAILURE and
 * LONG_SINGLE_REPAIR).
 */
record SanbaoFlag(String code, String state, int figure, int threshold, String article, String faultCode,
		String system, String partNo, String remedy, String repairOrderNo) {

	public static final String REACHED = "REACHED";
	public static final String APPROACHING = "APPROACHING";

	public boolean reached() {
		return REACHED.equals(state);
	}
}
