package com.kcm.quality;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** Art. 28: a replacement or refund request on a complaint gets 10 and 20 working days, warned once when overdue. */
@KcmTest
class ReplacementRequestTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Autowired
	ReplacementRequests requests;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	long complaint(Api admin) {
		String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "COMPLAINT");
		body.put("channel", "HOTLINE_400");
		body.put("description", "发动机反复故障，要求换车");
		body.put("customer", Map.of("name", "钱先生", "phone", phone));
		Api.Answer a = admin.post("/complaints", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	@Test
	void aRequestGetsTenAndTwentyWorkingDaysAndAnOverdueAnswerIsMailedOnce() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String mail = "r28-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", "r" + UUID.randomUUID().toString().substring(0, 8));
		user.put("password", "secret-123");
		user.put("displayName", "售后");
		user.put("roles", List.of("AFTER_SALES_MANAGER"));
		user.put("email", mail);
		assertThat(admin.post("/users", user).status()).isEqualTo(201);
		long id = complaint(admin);

		Api.Answer a = admin.post("/complaints/" + id + "/replacement-requests",
				Map.of("kind", "REPLACEMENT", "requestedAt", "2026-11-02T10:00:00+08:00"));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		JsonNode r = a.json();
		assertThat(OffsetDateTime.parse(r.get("answerDueAt").asString()).toInstant())
				.isEqualTo(OffsetDateTime.parse("2026-11-16T16:30:00+08:00").toInstant());
		assertThat(OffsetDateTime.parse(r.get("completionDueAt").asString()).toInstant())
				.isEqualTo(OffsetDateTime.parse("2026-11-30T16:30:00+08:00").toInstant());
		assertThat(admin.post("/complaints/" + id + "/replacement-requests", Map.of("kind", "SWAP")).status())
				.isEqualTo(422);
		assertThat(admin.post("/complaints/999999999/replacement-requests", Map.of("kind", "REFUND")).status())
				.isEqualTo(404);

		clock.set(OffsetDateTime.parse("2026-11-17T09:00:00+08:00").toInstant());
		requests.sweep();
		requests.sweep();
		List<Mailbox.Mail> mails = await(() -> Mailbox.of(greenMail, mail).stream()
				.filter(m -> m.subject().contains("抱怨 " + id + " ")).toList(), m -> !m.isEmpty());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).contains("已超期", "答复");
		JsonNode listed = admin.get("/complaints/" + id + "/replacement-requests").json();
		assertThat(listed.get(0).get("answerOverdue").asBoolean()).isTrue();
		assertThat(listed.get(0).get("completionOverdue").asBoolean()).isFalse();

		long requestId = r.get("id").asLong();
		assertThat(admin.post("/replacement-requests/" + requestId + "/answer", Map.of("answer", "同意换车")).status())
				.isEqualTo(200);
		assertThat(admin.post("/replacement-requests/" + requestId + "/answer", Map.of("answer", "再次")).status())
				.isEqualTo(422);
		assertThat(admin.post("/replacement-requests/" + requestId + "/complete", Map.of()).status()).isEqualTo(200);
		JsonNode done = admin.get("/complaints/" + id + "/replacement-requests").json().get(0);
		assertThat(done.get("answerOverdue").asBoolean()).isFalse();
		assertThat(done.get("completedAt").isNull()).isFalse();
	}
}
