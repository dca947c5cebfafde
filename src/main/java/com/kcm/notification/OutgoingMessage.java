package com.kcm.notification;

import java.util.Locale;

/**
 * One message to one recipient over one channel. {@code key} identifies it for the sent-once guarantee:
 * event kind, work order or complaint (and deadline), channel and recipient.
 */
record OutgoingMessage(String key, String kind, DeliveryChannel channel, String recipient, String subject,
		String body, Long complaintId, Long workOrderId) {

	/** {@code DISPATCHED|wo:12} + channel + recipient → the unique key. */
	static OutgoingMessage of(String what, String kind, DeliveryChannel channel, String recipient, String subject,
			String body, Long complaintId, Long workOrderId) {
		String r = recipient.trim();
		String key = what + "|" + channel + "|" + r.toLowerCase(Locale.ROOT);
		return new OutgoingMessage(key.length() > 400 ? key.substring(0, 400) : key, kind, channel, r, subject, body,
				complaintId, workOrderId);
	}
}
