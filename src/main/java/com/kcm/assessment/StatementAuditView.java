package com.kcm.assessment;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the audit trail keeps of a statement (the lines only when it is created). */
record StatementAuditView(String month, String dealer, int revision, StatementStatus status, BigDecimal total,
		@JsonInclude(JsonInclude.Include.NON_NULL) String revisionReason,
		@JsonInclude(JsonInclude.Include.NON_NULL) String settlement,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<String> lines) {

	static StatementAuditView of(Statement s, boolean withLines) {
		String settlement = s.settlementMethod() == null ? null
				: s.settlementMethod() + " " + (s.settlementReference() == null ? "" : s.settlementReference()) + " "
						+ s.settlementDate();
		List<String> lines = withLines ? s.lines().stream().map(l -> l.kind()
				+ (l.penaltyId() == null ? "" : " #" + l.penaltyId()) + " " + l.amount().toPlainString()).toList() : null;
		return new StatementAuditView(s.month(), s.dealerCode(), s.revision(), s.status(), s.total(), s.revisionReason(),
				settlement, lines);
	}
}
