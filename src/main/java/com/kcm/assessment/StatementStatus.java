package com.kcm.assessment;

/** Where a statement revision stands in its life cycle (see {@link Statement}). */
enum StatementStatus {
	DRAFT, PUBLISHED, APPROVED, SETTLED, SUPERSEDED
}
