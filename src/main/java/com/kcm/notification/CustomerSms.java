package com.kcm.notification;

import org.springframework.stereotype.Service;

/**
 * Sends one SMS to a customer through the sent-once log, for a module's outbox listener (after its business
 * transaction committed): the message goes out once per {@code key} whatever the retries. The number is used to
 * send only; the log records the {@code recipient} the caller names (e.g. {@code customer:42}), so no phone
 * number is stored in clear. Throws when the gateway fails (the caller's event publication is retried).
 */
@Service
public class CustomerSms {

	private final SentNotifications sent;

	CustomerSms(SentNotifications sent) {
		this.sent = sent;
	}

	/** Answers true when sent now, false when that key was sent before. */
	public boolean sendOnce(String key, String kind, String recipient, SmsMessage message) {
		return sent.deliver(OutgoingMessage.of(key, kind, DeliveryChannel.SMS, recipient, null, message.text(), null, null),
				message);
	}
}
