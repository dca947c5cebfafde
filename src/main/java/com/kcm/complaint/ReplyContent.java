package com.kcm.complaint;

import java.time.Instant;
import java.util.List;

import com.kcm.shared.domain.DomainException;

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

	/**
	 * Refuses a reply that cannot be given at {@code at} on a work order of a complaint in {@code category} whose
	 * closure is due at {@code closeDueAt} (may be null): text always; fault cause, quality defect and parts for a
	 * final product-quality result; a first contact not in the future; a delay reason for a late non-final reply.
	 */
	void check(Category category, Instant closeDueAt, Instant at) {
		required(text, "complaint.reply.text.required");
		if (category == Category.PRODUCT_QUALITY && finalResult) {
			required(faultCause, "complaint.reply.faultCause.required");
			if (qualityDefect == null) {
				throw new DomainException("complaint.reply.qualityDefect.required");
			}
			if (partsReplaced == null) {
				throw new DomainException("complaint.reply.partsReplaced.required");
			}
		}
		if (contactedCustomerAt != null && contactedCustomerAt.isAfter(at)) {
			throw new DomainException("complaint.reply.contactInFuture");
		}
		if (!finalResult && closeDueAt != null && at.isAfter(closeDueAt)) {
			required(delayReason, "complaint.reply.delayReason.required");
		}
	}

	private static void required(String s, String code) {
		if (s == null || s.isBlank()) {
			throw new DomainException(code);
		}
	}
}
