package com.kcm.voice;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS gateways allowed to call the inbound endpoint, each with its shared secret:
 * {@code kcm.sms.inbound.secrets.<gateway>=<secret>} ({@code /api/v1/sms/inbound/<gateway>}). None configured:
 * every call is refused.
 */
@ConfigurationProperties("kcm.sms.inbound")
record InboundSmsProperties(Map<String, String> secrets) {

	InboundSmsProperties {
		secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
	}
}
