package com.kcm.voice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.crm.SystemCommunications;
import com.kcm.customer.CareRecipients;
import com.kcm.notification.CustomerSms;
import com.kcm.notification.SmsMessage;

/**
 * Sends a chosen care message when the outbox delivers its {@link CareMessageDue}: only if the customer's
 * {@code CARE} consent is in force at that moment (withdrawn since the choice: {@code NO_CONSENT}, nothing sent)
 * and it still has a mobile; through the sent-once log (provider template {@code care.<OCCASION>} with
 * {@code name}, {@code plate}, {@code dealer}), then marked {@code SENT} and written on the customer's
 * communication log (SMS, outbound) once.
 */
@Component
class CareSender {

	static final String BY = "客户关怀";

	private record Pending(long customerId, String occasion, String body, String name, String plate, String dealer) {
	}

	private final Consents consents;
	private final CareRecipients recipients;
	private final CustomerSms sms;
	private final SystemCommunications log;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;

	CareSender(Consents consents, CareRecipients recipients, CustomerSms sms, SystemCommunications log, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.consents = consents;
		this.recipients = recipients;
		this.sms = sms;
		this.log = log;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CareMessageDue event) {
		send(event.sendId());
	}

	void send(long sendId) {
		Optional<Pending> found = jdbc.sql("select customer_id, occasion, body, customer_name, plate, dealer_name from "
				+ "care_send where id = ? and status = 'PENDING'").param(sendId)
				.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)))
				.optional();
		if (found.isEmpty()) {
			return;
		}
		Pending p = found.get();
		Instant now = clock.instant();
		if (!consents.inForce(p.customerId(), ConsentPurpose.CARE, now)) {
			mark(sendId, "NO_CONSENT", null);
			return;
		}
		Optional<String> mobile = recipients.mobileToSend(p.customerId());
		if (mobile.isEmpty()) {
			mark(sendId, "NO_MOBILE", null);
			return;
		}
		sms.sendOnce("CARE|send:" + sendId, "CARE_" + p.occasion(), "customer:" + p.customerId(),
				new SmsMessage(mobile.get(), p.body(), "care." + p.occasion(), Map.of("name", text(p.name()),
						"plate", text(p.plate()), "dealer", text(p.dealer()))));
		tx.executeWithoutResult(s -> {
			if (mark(sendId, "SENT", now)) {
				log.logSms(p.customerId(), false, now, BY, p.body());
			}
		});
	}

	private boolean mark(long sendId, String status, Instant sentAt) {
		if (sentAt == null) {
			return jdbc.sql("update care_send set status = ? where id = ? and status = 'PENDING'").params(status, sendId)
					.update() == 1;
		}
		return jdbc.sql("update care_send set status = ?, sent_at = ? where id = ? and status = 'PENDING'")
				.params(status, Timestamp.from(sentAt), sendId).update() == 1;
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}
}
