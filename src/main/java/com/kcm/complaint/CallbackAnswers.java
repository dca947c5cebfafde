package com.kcm.complaint;

/**
 * The answers of one callback (回访, SPEC §4.2 step 5). When the customer was not reached the other
 * answers are ignored.
 */
public record CallbackAnswers(boolean reached, Boolean resolved, Boolean satisfied, Boolean falseReply, String notes) {

	public static CallbackAnswers notReached(String notes) {
		return new CallbackAnswers(false, null, null, null, notes);
	}

	/** The answers as recorded: empty when not reached. */
	CallbackAnswers normalised() {
		return reached ? new CallbackAnswers(true, resolved, satisfied, falseReply == null ? Boolean.FALSE : falseReply, notes)
				: notReached(notes);
	}
}
