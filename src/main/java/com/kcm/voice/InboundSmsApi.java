package com.kcm.voice;

import java.time.OffsetDateTime;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/sms/inbound/{gateway}}: an SMS gateway delivers a customer's reply (docs/voice.md). */
@RestController
@PreAuthorize("hasRole('" + InboundSmsSecurity.ROLE + "')")
@Tag(name = "Inbound SMS", description = "短信上行: a reply TD / 退订 withdraws CARE and MARKETING for the number (SPEC §7.5)")
class InboundSmsApi {

	/** What the gateway delivers: the sender's number, the text, when it was received, its own message id. */
	record InboundMessage(String mobile, String text, OffsetDateTime receivedAt, String messageId) {
	}

	/** What the reply did: {@code UNSUBSCRIBED}, {@code RECORDED} or {@code DUPLICATE}; the customers it concerned. */
	record InboundAnswer(InboundSms.Outcome outcome, int customers) {
	}

	private final InboundSms inbound;

	InboundSmsApi(InboundSms inbound) {
		this.inbound = inbound;
	}

	@PostMapping("/api/v1/sms/inbound/{gateway}")
	@Operation(summary = "A customer's SMS reply from a gateway; authenticated by the gateway's shared secret (401 otherwise)",
			parameters = @Parameter(name = InboundSmsSecurity.HEADER, in = ParameterIn.HEADER, required = true,
					description = "the secret configured as kcm.sms.inbound.secrets.<gateway>"))
	InboundAnswer receive(@PathVariable String gateway, @RequestBody InboundMessage body) {
		InboundSms.Reply r = inbound.receive(gateway, body.mobile(), body.text(),
				body.receivedAt() == null ? null : body.receivedAt().toInstant(), body.messageId());
		return new InboundAnswer(r.outcome(), r.customers());
	}
}
