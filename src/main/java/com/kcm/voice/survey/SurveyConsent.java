package com.kcm.voice.survey;

import java.time.Instant;

/** Whether a customer's SURVEY consent is in force at an instant (SPEC §7.5: no consent recorded means no consent). */
interface SurveyConsent {

	boolean inForce(long customerId, Instant at);
}
