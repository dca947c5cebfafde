package com.kcm.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** The mails a GreenMail server received for one address, decoded. */
public final class Mailbox {

	public record Mail(String to, String subject, String body) {
	}

	private Mailbox() {
	}

	public static List<Mail> of(GreenMail server, String address) {
		List<Mail> out = new ArrayList<>();
		try {
			for (MimeMessage m : server.getReceivedMessages()) {
				Address[] to = m.getAllRecipients();
				if (to == null) {
					continue;
				}
				for (Address a : to) {
					if (a.toString().equalsIgnoreCase(address)) {
						out.add(new Mail(address, m.getSubject(), String.valueOf(m.getContent()).replace("\r\n", "\n")));
					}
				}
			}
		} catch (MessagingException | java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		return out;
	}
}
