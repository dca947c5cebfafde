package com.kcm.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** The privacy duties through the REST API, as an integration uses them. */
@KcmTest
class PrivacyApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void resetClock() {
		((MutableClock) clock).reset();
	}

	@Test
	void aBreachGoesFromRecordToClosureWithItsDeadlinesAndRefusesBadInput() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Instant found = clock.instant().minus(Duration.ofMinutes(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String foundAt = found.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString();

		Api.Answer bad = admin.post("/breaches", Map.of("title", "缺少字段", "affectedCount", -1));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"description\"").contains("\"field\":\"dataKinds\"")
				.contains("\"field\":\"affectedCount\"").contains("\"field\":\"foundAt\"");

		Api.Answer created = admin.post("/breaches", Map.of("title", "API 泄露", "description", "接口日志含明文手机号",
				"dataKinds", List.of("PHONE"), "affectedCount", 30, "foundAt", foundAt));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode b = created.json();
		long id = b.get("id").asLong();
		assertThat(b.get("status").asString()).isEqualTo("OPEN");
		assertThat(b.get("internal").get("overdue").asBoolean()).as("found 90 min ago, due in 1 h").isTrue();
		assertThat(b.get("regulator").get("overdue").asBoolean()).isFalse();
		assertThat(java.time.OffsetDateTime.parse(b.get("regulator").get("dueAt").asString()).toInstant())
				.isEqualTo(found.plus(Duration.ofHours(4)));

		String now = clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString();
		assertThat(admin.post("/breaches/" + id + "/notices", Map.of("audience", "INTERNAL", "at", now, "whom", "管理层"))
				.status()).isEqualTo(200);
		assertThat(admin.post("/breaches/" + id + "/close", Map.of("text", "太早")).status()).isEqualTo(422);
		assertThat(admin.post("/breaches/" + id + "/notices", Map.of("audience", "REGULATOR", "at", now, "whom", "网信办"))
				.status()).isEqualTo(200);
		assertThat(admin.post("/breaches/" + id + "/notices", Map.of("audience", "PERSONS", "at", now, "whom", "短信通知"))
				.status()).isEqualTo(200);
		assertThat(admin.post("/breaches/" + id + "/actions", Map.of("text", "日志脱敏")).status()).isEqualTo(200);
		JsonNode closed = admin.post("/breaches/" + id + "/close", Map.of("text", "已整改")).json();
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(admin.get("/breaches/" + id).json().get("actions")).hasSize(1);
		assertThat(admin.get("/breaches/999999999").status()).isEqualTo(404);

		Api agent = new Api(port).as(Api.createUser(port, "pa", "CS_AGENT", null), "secret-123");
		assertThat(agent.get("/breaches").status()).isEqualTo(403);
	}

	@Test
	void anAccessReviewIsSignedOffOnceThroughTheApi() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		YearMonth month = null;
		for (int i = 0; i < 1000 && month == null; i++) {
			YearMonth m = YearMonth.of(1960 + ThreadLocalRandom.current().nextInt(40), 1 + ThreadLocalRandom.current().nextInt(12));
			if (jdbc.sql("select count(*) from access_review where period_start = ?").param(m.atDay(1)).query(Long.class)
					.single() == 0) {
				month = m;
			}
		}
		assertThat(admin.get("/access-reviews/" + month).json().get("counts").has("PERSONAL_DATA_VIEWED")).isTrue();
		assertThat(admin.post("/access-reviews/" + month, Map.of("findings", " ")).body()).contains("\"field\":\"findings\"");
		Api.Answer signed = admin.post("/access-reviews/" + month, Map.of("findings", "无异常"));
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		assertThat(signed.json().get("review").get("reviewedBy").asString()).isEqualTo("admin");
		assertThat(admin.post("/access-reviews/" + month, Map.of("findings", "再签")).status()).isEqualTo(422);
		assertThat(admin.get("/access-reviews").json()).isNotEmpty();
	}
}
