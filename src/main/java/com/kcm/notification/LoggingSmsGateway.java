package com.kcm.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link SmsGateway}: writes the message to the log, sends nothing. */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String mobile, String text) {
		log.info("SMS (logged, no gateway configured) to {}: {}", mask(mobile), text);
	}

	static String mask(String mobile) {
		return mobile == null || mobile.length() < 7 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(7);
	}
}
