package com.kcm.voice.survey;

import java.security.SecureRandom;
import java.util.Base64;

import com.kcm.shared.crypto.Sha256;

/** The personal link's token: 256 random bits, base64url (43 characters); only its SHA-256 is stored. */
final class SurveyTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SurveyTokens() {
	}

	static String newToken() {
		byte[] b = new byte[32];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

	/** Whether a path segment can be a token at all (anything else is answered like an unknown token). */
	static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}
}
