package com.kcm.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * The assessment answer of a dealer's month in the shape of SPEC Appendix A, as a computation stores it in
 * {@code assessment_result} (and a statement freezes it): the indicators, the limit, the six support conditions
 * with figure, threshold and verdict, and the money.
 */
record AssessmentAnswer(String dealerCode, String month, String cutoff, int complaints, int unreachable,
		BigDecimal replyTimelinessRate, BigDecimal contact24hRate, int falseReplies, int calledBack,
		BigDecimal firstTimeClosureRate, BigDecimal monthlyClosureRate, BigDecimal satisfactionRate,
		int countedTowardLimit, int limit, List<Condition> conditions, BigDecimal supportAmount,
		BigDecimal penaltyAmount, BigDecimal netAmount, MonthlyIndicators.RepairRequests repairRequests,
		MonthlyIndicators.Online online) {

	/** One support condition: its figure (a count, or a rate or null) against the threshold, and the verdict. */
	record Condition(String code, boolean met, Number figure, Number threshold) {
	}
}
