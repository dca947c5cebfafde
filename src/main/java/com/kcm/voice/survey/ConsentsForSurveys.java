package com.kcm.voice.survey;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.kcm.voice.ConsentPurpose;
import com.kcm.voice.Consents;

/** The SURVEY consent from the consent register (SPEC §7.5). */
@Component
class ConsentsForSurveys implements SurveyConsent {

	private final Consents consents;

	ConsentsForSurveys(Consents consents) {
		this.consents = consents;
	}

	@Override
	public boolean inForce(long customerId, Instant at) {
		return consents.inForce(customerId, ConsentPurpose.SURVEY, at);
	}
}
