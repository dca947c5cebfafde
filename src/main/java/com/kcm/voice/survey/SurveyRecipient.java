package com.kcm.voice.survey;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Whom a survey goes to, for which dealer (may be null) and case (complaint id, null for a campaign). */
record SurveyRecipient(long customerId, Long dealerId, Long complaintId) {

	static SurveyRecipient of(JdbcClient jdbc, long surveyId) {
		return jdbc.sql("select customer_id, dealer_id, complaint_id from survey where id = :id").param("id", surveyId)
				.query((rs, n) -> new SurveyRecipient(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class)))
				.single();
	}
}
