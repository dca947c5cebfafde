package com.kcm.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * E-mail over Spring's {@link JavaMailSender} (SMTP from {@code spring.mail.*}: {@code KCM_SMTP_HOST},
 * {@code KCM_SMTP_PORT}, {@code KCM_SMTP_USER}, {@code KCM_SMTP_PASSWORD}; sender {@code KCM_MAIL_FROM}).
 * Without an SMTP host the message is logged instead, so the application runs without a mail server.
 */
@Component
class MailGateway {

	private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final String host;
	private final String from;

	MailGateway(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${kcm.mail.from:kcm@localhost}") String from) {
		this.sender = sender;
		this.host = host;
		this.from = from;
	}

	/** Whether mail really goes out (an SMTP host is configured). */
	public boolean isEnabled() {
		return StringUtils.hasText(host) && sender.getIfAvailable() != null;
	}

	/** Sends a plain-text (UTF-8) mail; throws when the server refuses or cannot be reached. */
	public void send(String to, String subject, String body) {
		if (!isEnabled()) {
			log.info("Mail (logged, no SMTP host configured) to {}: {}\n{}", to, subject, body);
			return;
		}
		SimpleMailMessage m = new SimpleMailMessage();
		m.setFrom(from);
		m.setTo(to);
		m.setSubject(subject);
		m.setText(body);
		sender.getObject().send(m);
	}
}
