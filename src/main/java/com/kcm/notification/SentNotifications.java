package com.kcm.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.jobs.Instances;

/**
 * The sent-once log ({@code notification}). Before a message goes out its key is claimed by this instance:
 * inserted as {@code SENDING} with {@code claimed_by}, or taken over from {@code FAILED}, or from a
 * {@code SENDING} claim of an instance that is no longer running ({@link Instances}: a crashed instance is
 * known dead seconds after its last heartbeat). A key already {@code SENT} is skipped; a key another running
 * instance (or thread) is sending right now is refused with {@link ClaimedElsewhere}, so the event publication
 * stays incomplete and is delivered again later. After the gateway accepted the message it is marked
 * {@code SENT}; a failure is marked {@code FAILED} with the error and rethrown, so the publication is retried.
 * <p>
 * The limit: when an instance dies after the gateway accepted a message and before it was marked sent, its
 * claim is taken over and the message is sent again (at least once at that point, never twice otherwise).
 */
@Component
class SentNotifications {

	/**
	 * A claim of this instance (or one without an instance, written before instances were recorded) this old is
	 * stuck — its mark was lost, say while the database was unreachable — and is taken over.
	 */
	static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

	/** The key is being sent by another running instance or thread: the publication is to be retried later. */
	static final class ClaimedElsewhere extends RuntimeException {
		ClaimedElsewhere(String key) {
			super("notification " + key + " is being sent elsewhere; retried later");
		}
	}
	private static final Logger log = LoggerFactory.getLogger(SentNotifications.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final MailGateway mail;
	private final SmsGateway sms;

	private final String instance;

	SentNotifications(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, MailGateway mail,
			SmsGateway sms, Instances instances) {
		this.jdbc = jdbc;
		this.instance = instances.id();
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.mail = mail;
		this.sms = sms;
	}

	/**
	 * Delivers every message not sent yet; one failing recipient does not stop the others. Throws the first
	 * failure at the end, so the publication is retried (and only the unsent messages go out again).
	 */
	void deliverAll(List<OutgoingMessage> messages) {
		RuntimeException failure = null;
		for (OutgoingMessage m : messages) {
			try {
				deliver(m);
			} catch (RuntimeException e) {
				if (failure == null) {
					failure = e;
				} else {
					failure.addSuppressed(e);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Sends the message unless its key was sent (or is being sent) already; returns whether it was sent now. */
	boolean deliver(OutgoingMessage m) {
		return deliver(m, null);
	}

	/** {@link #deliver(OutgoingMessage)}, an SMS sent as {@code smsMessage} (template, parameters) when given. */
	boolean deliver(OutgoingMessage m, SmsMessage smsMessage) {
		if (!claim(m)) {
			if (isSent(m)) {
				log.debug("notification {} already sent; skipped", m.key());
				return false;
			}
			throw new ClaimedElsewhere(m.key());
		}
		try {
			switch (m.channel()) {
				case EMAIL -> mail.send(m.recipient(), m.subject(), m.body());
				case SMS -> {
					if (smsMessage != null) {
						sms.send(smsMessage);
					} else {
						sms.send(m.recipient(), m.body());
					}
				}
			}
		} catch (RuntimeException e) {
			log.warn("notification {} failed: {}", m.key(), e.toString());
			markFailed(m, e);
			throw e;
		}
		markSent(m);
		return true;
	}

	private boolean claim(OutgoingMessage m) {
		Instant now = clock.instant();
		try {
			tx.executeWithoutResult(s -> jdbc.sql("insert into notification (dedupe_key, kind, channel, recipient, "
					+ "subject, body, complaint_id, work_order_id, status, attempts, created_at, attempted_at, claimed_by) values "
					+ "(:key, :kind, :channel, :recipient, :subject, :body, :complaint, :workOrder, 'SENDING', 1, :now, :now, "
					+ ":me)").param("me", instance)
					.param("key", m.key()).param("kind", m.kind()).param("channel", m.channel().name())
					.param("recipient", cut(m.recipient(), 200)).param("subject", cut(m.subject(), 300))
					.param("body", cut(m.body(), 8000)).param("complaint", m.complaintId())
					.param("workOrder", m.workOrderId()).param("now", Timestamp.from(now)).update());
			return true;
		} catch (DuplicateKeyException exists) {
			Integer taken = tx.execute(s -> jdbc.sql("update notification set status = 'SENDING', "
					+ "attempts = attempts + 1, attempted_at = :now, claimed_by = :me where dedupe_key = :key and "
					+ "(status = 'FAILED' or (status = 'SENDING' and (" + ORPHANED + " or ((claimed_by is null or "
					+ "claimed_by = :me) and attempted_at < :stale))))").param("now", Timestamp.from(now)).param("me", instance)
					.param("key", m.key()).param("stale", Timestamp.from(now.minus(CLAIM_TIMEOUT))).update());
			return taken != null && taken == 1;
		}
	}

	/** A claim held by an instance that is not running any more. */
	static final String ORPHANED = "(claimed_by is not null and " + Instances.notRunning("notification.claimed_by") + ")";

	private boolean isSent(OutgoingMessage m) {
		return tx.execute(s -> jdbc.sql("select status from notification where dedupe_key = :key")
				.param("key", m.key()).query(String.class).optional()).filter("SENT"::equals).isPresent();
	}

	/** Claims in {@code SENDING} whose instance is not running any more. */
	long orphanedClaims() {
		return jdbc.sql("select count(*) from notification where status = 'SENDING' and " + ORPHANED)
				.query(Long.class).single();
	}

	private void markSent(OutgoingMessage m) {
		Instant now = clock.instant();
		tx.executeWithoutResult(s -> jdbc.sql("update notification set status = 'SENT', sent_at = :now, "
				+ "last_error = null where dedupe_key = :key").param("now", Timestamp.from(now)).param("key", m.key())
				.update());
	}

	private void markFailed(OutgoingMessage m, RuntimeException e) {
		try {
			tx.executeWithoutResult(s -> jdbc.sql("update notification set status = 'FAILED', last_error = :error "
					+ "where dedupe_key = :key").param("error", cut(String.valueOf(e), 1000)).param("key", m.key())
					.update());
		} catch (RuntimeException again) {
			e.addSuppressed(again);
		}
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
