package com.kcm.policy;

/** How a policy value is written and read. */
public enum PolicyType {
	/** A whole number ({@code "3"}). */
	INTEGER,
	/** An amount in CNY with at most two decimals ({@code "3000.00"}). */
	DECIMAL,
	/** A local time of day as {@code HH:mm} ({@code "16:30"}). */
	TIME,
	/** Free text ({@code "某汽车公司"}). */
	TEXT,
	/** The complaint-limit band table as JSON, see {@link LimitBands}. */
	BANDS,
	/** The customer class rule list as JSON, see {@link ClassRules}. */
	RULES
}
