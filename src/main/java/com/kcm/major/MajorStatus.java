package com.kcm.major;

/** Where a major complaint stands; the complaint itself closes through the normal complaint flow. */
enum MajorStatus {
	/** Reported by a dealer or regional user, waiting for after-sales to confirm. */
	REPORTED,
	/** Flagged (or confirmed): the dealer collects the dossier and writes the report. */
	OPEN,
	/** The dealer submitted the written report. */
	REPORT_SUBMITTED,
	/** The region's staff confirmed the result. */
	RESULT_CONFIRMED
}
