package com.kcm.voice.survey;

/** Test access to the token format. */
final class SurveyTokensAccess {

	private SurveyTokensAccess() {
	}

	static String newToken() {
		return SurveyTokens.newToken();
	}
}
