package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The indicators of SPEC §5.1 for one dealer, month and cut-off: the hotline (and other direct channel)
 * cohort, the repair-request block and the online block, plus the complaints counted against the limit
 * (SPEC §5.2).
 */
public record MonthlyIndicators(long dealerId, YearMonth month, Instant cutoff, int complaints, int unreachable,
		BigDecimal replyTimelinessRate, BigDecimal contact24hRate, int falseReplies, int calledBack,
		BigDecimal firstTimeClosureRate, BigDecimal monthlyClosureRate, BigDecimal satisfactionRate,
		int countedTowardLimit, RepairRequests repairRequests, Online online) {

	public record RepairRequests(int count, BigDecimal replyTimelinessRate, BigDecimal contact24hRate,
			BigDecimal closureRate) {
	}

	public record Online(int count, int carriedOver, BigDecimal contact24hRate, BigDecimal monthlyClosureRate,
			int negativeCount, BigDecimal negativeClosureRate) {
	}
}
