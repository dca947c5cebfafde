package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A monthly statement was published to its dealer (after the transaction commits the dealer is told, with the
 * total and the appeal deadline).
 */
public record StatementPublished(long statementId, long dealerId, String month, int revision, BigDecimal total,
		Instant appealDueAt) {
}
