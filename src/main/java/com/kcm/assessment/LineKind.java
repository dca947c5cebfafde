package com.kcm.assessment;

/** The kinds of a statement's money lines (docs/assessment.md, Statements). */
enum LineKind {
	/** The support amount of the computation (0.00 when a condition failed). */
	SUPPORT,
	/** One approved penalty of the month, negative. */
	PENALTY,
	/** On a revision of a settled month: what earlier revisions settled already, negative. */
	SETTLED_BEFORE
}
