package com.kcm.notification;

import java.util.Map;

/**
 * A text message to one mainland mobile number: the rendered {@code text} (what a text-only gateway sends, and
 * what is logged), and for providers that send only registered templates the template's key in KCM
 * ({@code templateKey}, mapped to the provider's template id by configuration) with its {@code params}. A
 * message without a template key is plain text.
 */
public record SmsMessage(String mobile, String text, String templateKey, Map<String, String> params) {

	public SmsMessage {
		params = params == null ? Map.of() : Map.copyOf(params);
	}

	/** A plain-text message (no provider template). */
	public static SmsMessage text(String mobile, String text) {
		return new SmsMessage(mobile, text, null, Map.of());
	}
}
