package com.kcm.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.kcm.notification.SmsGateway;

/** Remembers every text message it was asked to send (tests read them by number). */
public class RecordingSmsGateway implements SmsGateway {

	public record Sms(String mobile, String text) {
	}

	private final List<Sms> sent = new CopyOnWriteArrayList<>();

	@Override
	public void send(String mobile, String text) {
		sent.add(new Sms(mobile, text));
	}

	public List<Sms> to(String mobile) {
		return sent.stream().filter(s -> s.mobile().equals(mobile)).toList();
	}
}
