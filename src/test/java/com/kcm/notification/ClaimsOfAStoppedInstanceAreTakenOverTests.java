package com.kcm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.shared.jobs.Instances;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;

/**
 * SPEC §11, crash of an instance: a message claimed by an instance that stopped beating is taken over at once
 * (not after a fixed ten-minute lease) and sent once; a message another running instance is sending is left to
 * it, and the publication is retried rather than completed.
 */
@KcmTest
class ClaimsOfAStoppedInstanceAreTakenOverTests {

	@LocalServerPort
	int port;

	@Autowired
	SentNotifications sent;

	@Autowired
	ClaimTakeover takeover;

	@Autowired
	Instances instances;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	OutgoingMessage message(String recipient) {
		return new OutgoingMessage("TEST|" + UUID.randomUUID() + "|EMAIL|" + recipient, "TEST", DeliveryChannel.EMAIL,
				recipient, "接管测试", "正文", null, null);
	}

	void claimedBy(OutgoingMessage m, String instance) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into notification (dedupe_key, kind, channel, recipient, subject, body, status, attempts, "
				+ "created_at, attempted_at, claimed_by) values (:key, 'TEST', 'EMAIL', :r, 's', 'b', 'SENDING', 1, :now, "
				+ ":now, :by)").param("key", m.key()).param("r", m.recipient()).param("now", now).param("by", instance)
				.update();
	}

	void instance(String id, int secondsSinceBeat) {
		jdbc.sql("insert into app_instance (id, started_at, beat_at) values (:id, current_timestamp, "
				+ "current_timestamp - " + secondsSinceBeat + " * interval '1' second)").param("id", id).update();
	}

	@Test
	void aClaimOfAnInstanceThatStoppedBeatingIsTakenOverAtOnceAndSentOnce() {
		String dead = "dead-" + UUID.randomUUID();
		instance(dead, 60);
		String to = "takeover-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		OutgoingMessage m = message(to);
		claimedBy(m, dead);

		assertThatThrownBy(() -> sent.deliver(m)).as("its instance still has a row: it may be sending")
				.isInstanceOf(SentNotifications.ClaimedElsewhere.class);
		assertThat(takeover.takeOver()).isTrue();
		assertThat(jdbc.sql("select count(*) from app_instance where id = :id").param("id", dead).query(Long.class)
				.single()).isZero();

		assertThat(sent.deliver(m)).isTrue();
		assertThat(sent.deliver(m)).as("sent once").isFalse();
		assertThat(Mailbox.of(mail, to)).hasSize(1);
		assertThat(jdbc.sql("select status || ' ' || claimed_by from notification where dedupe_key = :k")
				.param("k", m.key()).query(String.class).single()).isEqualTo("SENT " + instances.id());
	}

	@Test
	void aClaimOfARunningInstanceIsLeftToIt() {
		String alive = "alive-" + UUID.randomUUID();
		instance(alive, 0);
		OutgoingMessage m = message("alive-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
		claimedBy(m, alive);
		takeover.takeOver();
		assertThatThrownBy(() -> sent.deliver(m)).isInstanceOf(SentNotifications.ClaimedElsewhere.class);
		assertThat(Mailbox.of(mail, m.recipient())).isEmpty();
		jdbc.sql("delete from app_instance where id = :id").param("id", alive).update();
	}

	@Test
	void thisInstanceIsRegisteredAndBeats() {
		assertThat(jdbc.sql("select count(*) from app_instance where id = :id").param("id", instances.id())
				.query(Long.class).single()).isOne();
	}

	@Test
	void theOperationsHealthShowsTheDatabaseAndTheOutboxBacklog() throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/actuator/health/operations")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("\"db\"").contains("\"outbox\"").contains("pendingPublications")
				.contains("failedNotifications");
	}
}
