package com.kcm.quality;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;

import tools.jackson.databind.JsonNode;

/** Corrective and preventive actions (SPEC §7.7): the state machine, verification by another user, overdue once. */
@KcmTest
class CapaTests {

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Capas capas;

	Api admin;

	String owner(String mail) {
		admin = new Api(port).as("admin", "admin-test-pass");
		String username = "o" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", username);
		user.put("password", "secret-123");
		user.put("displayName", "质量工程师");
		user.put("roles", List.of("AFTER_SALES"));
		user.put("email", mail);
		assertThat(admin.post("/users", user).status()).isEqualTo(201);
		return username;
	}

	long capa(String owner, LocalDate due) {
		Api agent = admin;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "COMPLAINT");
		body.put("channel", "HOTLINE_400");
		body.put("description", "刹车异响反复出现");
		body.put("customer", Map.of("name", "孙女士", "phone", "137" + String.format("%08d", (int) (Math.random() * 1e8))));
		long complaint = agent.post("/complaints", body).json().get("id").asLong();
		Api.Answer a = admin.post("/capas", Map.of("title", "刹车异响", "problem", "同一批次刹车片异响", "complaintIds",
				List.of(complaint), "owner", owner, "dueDate", due.toString()));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		assertThat(a.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(a.json().get("complaintIds").get(0).asLong()).isEqualTo(complaint);
		return a.json().get("id").asLong();
	}

	@Test
	void anActionIsDoneByItsOwnerAndVerifiedOnlyByAnotherUserWithEvidence() {
		String owner = owner("capa-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
		Api ownerApi = new Api(port).as(owner, "secret-123");
		long id = capa(owner, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
		assertThat(ownerApi.post("/capas/" + id + "/done", Map.of()).status()).as("not started").isEqualTo(422);
		assertThat(ownerApi.post("/capas/" + id + "/start", Map.of()).status()).isEqualTo(200);
		Api.Answer incomplete = ownerApi.post("/capas/" + id + "/done", Map.of());
		assertThat(incomplete.status()).isEqualTo(422);
		assertThat(incomplete.json().get("errors").findValuesAsString("field"))
				.containsExactlyInAnyOrder("rootCause", "correctiveAction", "preventiveAction");
		assertThat(ownerApi.put("/capas/" + id, Map.of("rootCause", "供应商材料变更", "correctiveAction", "更换批次",
				"preventiveAction", "来料检验增加噪声测试")).status()).isEqualTo(200);
		assertThat(ownerApi.post("/capas/" + id + "/done", Map.of()).status()).isEqualTo(200);
		assertThat(ownerApi.post("/capas/" + id + "/verify", Map.of("evidence", "自己验证")).status())
				.as("not by the owner").isEqualTo(422);
		assertThat(admin.post("/capas/" + id + "/verify", Map.of()).status()).as("evidence required").isEqualTo(422);
		assertThat(admin.post("/capas/" + id + "/reject", Map.of("reason", "未覆盖其他车型")).status()).isEqualTo(200);
		assertThat(admin.get("/capas/" + id).json().get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(ownerApi.post("/capas/" + id + "/done", Map.of()).status()).isEqualTo(200);
		Api.Answer verified = admin.post("/capas/" + id + "/verify", Map.of("evidence", "三个月无复发"));
		assertThat(verified.status()).isEqualTo(200);
		JsonNode v = verified.json();
		assertThat(v.get("status").asString()).isEqualTo("VERIFIED");
		assertThat(v.get("verifiedBy").asString()).isEqualTo("admin");
		assertThat(v.get("history").findValuesAsString("action"))
				.containsExactly("CREATED", "START", "DONE", "REJECT", "DONE", "VERIFY");
		assertThat(admin.post("/capas/" + id + "/start", Map.of()).status()).isEqualTo(422);
	}

	@Test
	void anActionsTextsAreCheckedInTheOrderOfTheFormBeforeItsOwnerAndDueDate() {
		String owner = owner("capa-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", " " + "题".repeat(201) + " ");
		body.put("problem", "\u3000");
		body.put("complaintIds", List.of());
		body.put("owner", "nobody-" + UUID.randomUUID());
		Api.Answer refused = admin.post("/capas", body);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("field"))
				.containsExactly("title", "problem", "complaintIds", "owner", "dueDate");
		assertThat(refused.json().get("errors").findValuesAsString("message").subList(0, 2))
				.containsExactly("最多 200 个字符", "必填");

		long id = capa(owner, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
		Api.Answer analysis = new Api(port).as(owner, "secret-123").put("/capas/" + id,
				Map.of("rootCause", "根".repeat(4001), "correctiveAction", "措".repeat(4000)));
		assertThat(analysis.status()).isEqualTo(422);
		assertThat(analysis.json().get("errors").toString())
				.isEqualTo("[{\"field\":\"rootCause\",\"message\":\"最多 4,000 个字符\"}]");
	}

	@Test
	void anOverdueActionIsHighlightedAndItsOwnerMailedOnce() {
		String mail = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String owner = owner(mail);
		long id = capa(owner, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
		assertThat(admin.get("/capas/" + id).json().get("overdue").asBoolean()).isTrue();
		capas.notifyOverdue();
		capas.notifyOverdue();
		List<Mailbox.Mail> mails = await(() -> Mailbox.of(greenMail, mail), m -> !m.isEmpty());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).contains(String.valueOf(id), "刹车异响");
	}
}
