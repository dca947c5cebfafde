package com.kcm.voice.survey;

/**
 * A survey was created and its SMS is to go out: published in the creating transaction, so the event publication
 * registry (the outbox) holds it until {@link SurveySender} has sent the message once.
 */
record SurveyDue(long surveyId) {
}
