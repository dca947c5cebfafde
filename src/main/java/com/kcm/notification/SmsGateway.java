package com.kcm.notification;

/**
 * Sends a text message to a mainland mobile number. The default only logs; an installation plugs in its
 * provider by declaring a bean of this type. Throw to report a failure (the message is retried).
 */
public interface SmsGateway {

	void send(String mobile, String text);
}
