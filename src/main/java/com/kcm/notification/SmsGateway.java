package com.kcm.notification;

/**
 * Sends a text message to a mainland mobile number. The default only logs; an installation plugs in its
 * provider by declaring a bean of this type, or configures the Aliyun adapter ({@code kcm.sms.aliyun.*},
 * docs/notifications.md). Throw to report a failure (the message is retried).
 */
public interface SmsGateway {

	void send(String mobile, String text);

	/**
	 * Sends a message that may name a provider template with its parameters; a gateway that knows only text sends
	 * the rendered text (the default).
	 */
	default void send(SmsMessage message) {
		send(message.mobile(), message.text());
	}
}
