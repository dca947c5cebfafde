package com.kcm.complaint;

import java.time.Instant;
import java.util.List;

/**
 * What a dealer reports on its work order (SPEC §4.2): the first-contact instant, an initial or final
 * result, and for a product-quality result the fault cause, whether it is a quality defect and the
 * parts replaced. {@code delayReason} is required when the reply comes after the closure deadline
 * without a final result.
 */
public record ReplyContent(Instant contactedCustomerAt, boolean finalResult, String text, String faultCause,
		Boolean qualityDefect, List<String> partsReplaced, String repairOrderNo, String claimNo, String delayReason,
		boolean onDealersBehalf) {

	public ReplyContent {
		partsReplaced = partsReplaced == null ? null : List.copyOf(partsReplaced);
	}
}
