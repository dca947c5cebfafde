package com.kcm.voice;

import java.time.Instant;

/**
 * A customer answered a satisfaction survey (SPEC §7.4). {@code lowScore}: a score question answered ≤ 2 or the NPS
 * question ≤ 6 — the customer is then in customer service's callback queue as a low-score follow-up.
 * {@code complaintId} is set for a survey sent after a closure, {@code dealerId} when the survey is for a dealer.
 */
public record SurveyAnswered(long surveyId, long customerId, Long dealerId, Long complaintId, Integer lowestScore,
		Integer nps, boolean lowScore, Instant at) {
}
