package com.kcm.crm;

import static com.kcm.crm.CrmFixtures.contract;
import static com.kcm.crm.CrmFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** SPEC Appendix A.3 through HTTP: classes, visit plans and contracts, with the scoping of §7.3 and §8. */
@KcmTest
class ClassesVisitsAndContractsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	Audit audit;

	@Autowired
	MutableClock clock;

	@Autowired
	CustomerClasses classes;

	@Autowired
	CrmJobs jobs;

	CrmFixtures f;
	Api admin;
	String dealer;

	@BeforeEach
	void setUp() {
		f = new CrmFixtures(port);
		admin = f.admin;
		dealer = CrmFixtures.dealer(network);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private JsonNode classOf(long customerId) {
		Api.Answer a = admin.get("/customers/" + customerId + "/class");
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		return a.json();
	}

	private static Map<String, Object> cls(String c, String reason) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("class", c);
		m.put("reason", reason);
		return m;
	}

	@Test
	void theClassFollowsTheVehiclesOwnedAndTheKeyAccountFlag() {
		long id = f.customer("INDIVIDUAL", null, null);
		assertThat(classOf(id).get("computed").asString()).isEqualTo("C");
		assertThat(classOf(id).get("reason").isNull()).isTrue();
		f.vehicle(id, dealer);
		assertThat(classOf(id).get("computed").asString()).isEqualTo("C");
		f.vehicle(id, dealer);
		JsonNode two = classOf(id);
		assertThat(two.get("computed").asString()).isEqualTo("B");
		assertThat(two.get("effective").asString()).isEqualTo("B");
		assertThat(two.get("manual").asBoolean()).isFalse();
		f.vehicle(id, dealer);
		assertThat(classOf(id).get("computed").asString()).isEqualTo("A");
		// stored on the customer in the same transaction, and audited
		assertThat(admin.get("/customers/" + id).json().get("computedClass").asString()).isEqualTo("A");
		assertThat(audit.search(new AuditQuery(null, "RECLASSIFY", "customer", String.valueOf(id), null, null),
				PageRequest.of(0, 10)).getTotalElements()).isEqualTo(3); // none → C at registration, C → B, B → A

		long keyAccount = f.customer("ORGANIZATION", true, null);
		assertThat(classOf(keyAccount).get("computed").asString()).isEqualTo("A");
	}

	@Test
	void aClassSetByHandWinsUntilClearedAndNeedsAReason() {
		long id = f.customer("INDIVIDUAL", null, null);
		f.vehicle(id, dealer);
		f.vehicle(id, dealer);
		Api.Answer noReason = admin.put("/customers/" + id + "/class", Map.of("class", "A"));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("\"field\":\"reason\"");
		assertThat(admin.put("/customers/" + id + "/class", cls("D", "x")).status()).isEqualTo(422);
		assertThat(classOf(id).get("manual").asBoolean()).isFalse();

		Api.Answer set = admin.put("/customers/" + id + "/class", cls("A", "集团采购负责人"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		JsonNode manual = classOf(id);
		assertThat(manual.get("computed").asString()).isEqualTo("B");
		assertThat(manual.get("effective").asString()).isEqualTo("A");
		assertThat(manual.get("manual").asBoolean()).isTrue();
		assertThat(manual.get("reason").asString()).isEqualTo("集团采购负责人");
		// a vehicle more changes the computed class, not the effective one
		f.vehicle(id, dealer);
		f.vehicle(id, dealer);
		assertThat(classOf(id).get("effective").asString()).isEqualTo("A");
		admin.put("/customers/" + id + "/class", cls("C", "降级"));
		assertThat(classOf(id).get("effective").asString()).isEqualTo("C");
		assertThat(classOf(id).get("computed").asString()).isEqualTo("A");

		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("class", null);
		assertThat(admin.put("/customers/" + id + "/class", clear).status()).isEqualTo(200);
		JsonNode cleared = classOf(id);
		assertThat(cleared.get("effective").asString()).isEqualTo("A");
		assertThat(cleared.get("manual").asBoolean()).isFalse();
		assertThat(cleared.get("reason").isNull()).isTrue();
		assertThat(audit.search(new AuditQuery(null, "CLASSIFY", "customer", String.valueOf(id), null, null),
				PageRequest.of(0, 10)).getTotalElements()).isEqualTo(3);
	}

	@Test
	void aPolicyChangeTakesEffectFromItsDateNotBefore() {
		long id = f.customer("INDIVIDUAL", null, null);
		f.vehicle(id, dealer);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("value", "[{\"class\":\"A\",\"keyAccount\":true},{\"class\":\"B\",\"minVehicles\":1},{\"class\":\"C\"}]");
		body.put("effectiveFrom", "2090-03-01");
		body.put("reason", "单车客户升为 B");
		Api.Answer bad = admin.post("/policies/CLASS_RULES", Map.of("value", "[{\"class\":\"A\",\"minVehicles\":3}]",
				"effectiveFrom", "2090-03-01", "reason", "缺少兜底规则"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"value\"");
		Api.Answer changed = admin.post("/policies/CLASS_RULES", body);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		try {
			clock.set(OffsetDateTime.parse("2090-02-28T23:59:00+08:00").toInstant());
			admin = new Api(port).as("admin", "admin-test-pass");
			assertThat(classOf(id).get("computed").asString()).isEqualTo("C");
			classes.recomputeAll();
			assertThat(admin.get("/customers/" + id).json().get("computedClass").asString()).isEqualTo("C");
			clock.set(OffsetDateTime.parse("2090-03-01T00:00:00+08:00").toInstant());
			admin = new Api(port).as("admin", "admin-test-pass");
			assertThat(classOf(id).get("computed").asString()).isEqualTo("B");
			classes.recomputeAll();
			assertThat(admin.get("/customers/" + id).json().get("computedClass").asString()).isEqualTo("B");
		} finally {
			clock.reset();
			classes.recomputeAll();
			admin = new Api(port).as("admin", "admin-test-pass");
		}
		assertThat(admin.get("/customers/" + id).json().get("computedClass").asString()).isEqualTo("C");
	}

	@Test
	void theNextVisitIsDueOneIntervalOfTheClassAfterTheLastVisit() {
		String manager = f.user(List.of("ACCOUNT_MANAGER"), null, null);
		long id = f.customer("ORGANIZATION", true, f.userId(manager));
		Api am = f.as(manager);
		JsonNode never = am.get("/customers/" + id + "/visit-plan?on=2026-03-01").json();
		assertThat(never.get("class").asString()).isEqualTo("A");
		assertThat(never.get("intervalMonths").asInt()).isEqualTo(1);
		assertThat(never.get("lastVisit").isNull()).isTrue();
		assertThat(never.get("nextDue").isNull()).isTrue();
		assertThat(never.get("overdue").asBoolean()).isTrue();

		Api.Answer v = am.post("/customers/" + id + "/visits", visit("2026-01-31", null));
		assertThat(v.status()).as(v.body()).isEqualTo(201);
		assertThat(v.json().get("id").asLong()).isPositive();
		JsonNode plan = am.get("/customers/" + id + "/visit-plan?on=2026-02-28").json();
		assertThat(plan.get("lastVisit").asString()).isEqualTo("2026-01-31");
		assertThat(plan.get("nextDue").asString()).isEqualTo("2026-02-28");
		assertThat(plan.get("overdue").asBoolean()).isFalse();
		assertThat(am.get("/customers/" + id + "/visit-plan?on=2026-03-01").json().get("overdue").asBoolean()).isTrue();
		// the latest visit on or before the date
		assertThat(am.get("/customers/" + id + "/visit-plan?on=2026-01-30").json().get("lastVisit").isNull()).isTrue();

		am.put("/customers/" + id + "/class", cls("B", "年度评级"));
		JsonNode b = am.get("/customers/" + id + "/visit-plan?on=2026-03-01").json();
		assertThat(b.get("class").asString()).isEqualTo("B");
		assertThat(b.get("intervalMonths").asInt()).isEqualTo(3);
		assertThat(b.get("nextDue").asString()).isEqualTo("2026-04-30");
		assertThat(b.get("overdue").asBoolean()).isFalse();
		am.put("/customers/" + id + "/class", cls("C", "年度评级"));
		JsonNode c = am.get("/customers/" + id + "/visit-plan?on=2026-03-01").json();
		assertThat(c.get("intervalMonths").asInt()).isEqualTo(12);
		assertThat(c.get("nextDue").asString()).isEqualTo("2027-01-31");
	}

	@Test
	void visitsAreOnlyForKeyAccountsAndCheckedField() {
		long plain = f.customer("INDIVIDUAL", null, null);
		Api.Answer refused = admin.post("/customers/" + plain + "/visits", visit("2026-01-31", null));
		assertThat(refused.status()).isEqualTo(422);
		long id = f.customer("ORGANIZATION", true, null);
		Map<String, Object> bad = visit("2026-01-31", "2026-01-01");
		bad.put("kind", "LETTER");
		bad.put("participants", " ");
		Api.Answer a = admin.post("/customers/" + id + "/visits", bad);
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.body()).contains("\"field\":\"kind\"", "\"field\":\"participants\"", "\"field\":\"followUpDue\"");
		assertThat(admin.get("/customers/" + id + "/visits").json().get("total").asLong()).isZero();
	}

	@Test
	void aVisitsTextsAreCheckedInTheOrderOfTheFormWithTheirLimits() {
		long id = f.customer("ORGANIZATION", true, null);
		Map<String, Object> bad = visit("2026-01-31", null);
		bad.put("participants", "王".repeat(501));
		bad.put("content", "\u3000");
		bad.put("nextSteps", " " + "步".repeat(2000) + " ");
		bad.put("feedback", "满".repeat(2001));
		Api.Answer a = admin.post("/customers/" + id + "/visits", bad);
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").toString()).isEqualTo("[{\"field\":\"participants\",\"message\":\"不能超过 500 个字符\"},"
				+ "{\"field\":\"content\",\"message\":\"必填\"},{\"field\":\"feedback\",\"message\":\"不能超过 2,000 个字符\"}]");
		assertThat(admin.get("/customers/" + id + "/visits").json().get("total").asLong()).isZero();
	}

	@Test
	void aContractGoesFromDraftToActiveAndExpiresAfterItsEnd() {
		long id = f.customer("ORGANIZATION", true, null);
		String number = CrmFixtures.code("HT-");
		Api.Answer wrong = admin.post("/customers/" + id + "/contracts", contract(number, "2026-06-01", "2026-05-31", "120000.00"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("\"field\":\"end\"");
		Api.Answer created = admin.post("/customers/" + id + "/contracts", contract(number, "2026-01-01", "2026-12-31", "120000.00"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		long contract = created.json().get("id").asLong();
		assertThat(admin.post("/customers/" + id + "/contracts", contract(number, "2026-01-01", "2026-12-31", "1.00")).status())
				.isEqualTo(422);

		clock.set(OffsetDateTime.parse("2026-06-01T10:00:00+08:00").toInstant());
		assertThat(admin.post("/contracts/" + contract + "/activate", "{}").status()).isEqualTo(200);
		assertThat(admin.post("/contracts/" + contract + "/activate", "{}").status()).isEqualTo(422);
		JsonNode before = admin.get("/contracts/" + contract + "?on=2026-10-31").json();
		assertThat(before.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(before.get("expiringSoon").asBoolean()).isFalse();
		JsonNode sixtyDays = admin.get("/contracts/" + contract + "?on=2026-11-01").json();
		assertThat(sixtyDays.get("expiringSoon").asBoolean()).isTrue();
		JsonNode lastDay = admin.get("/contracts/" + contract + "?on=2026-12-31").json();
		assertThat(lastDay.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(lastDay.get("expiringSoon").asBoolean()).isTrue();
		JsonNode after = admin.get("/contracts/" + contract + "?on=2027-01-01").json();
		assertThat(after.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(after.get("expiringSoon").asBoolean()).isFalse();
		assertThat(admin.get("/contracts/expiring").body()).doesNotContain(number);
		clock.set(OffsetDateTime.parse("2026-11-15T10:00:00+08:00").toInstant());
		assertThat(admin.get("/contracts/expiring").body()).contains(number);

		clock.set(OffsetDateTime.parse("2027-01-01T02:00:00+08:00").toInstant());
		jobs.nightly();
		admin = new Api(port).as("admin", "admin-test-pass");
		assertThat(admin.get("/customers/" + id + "/contracts").body()).contains("\"status\":\"EXPIRED\"");
		assertThat(admin.post("/contracts/" + contract + "/terminate", Map.of("reason", "x")).status()).isEqualTo(422);
		assertThat(audit.search(new AuditQuery(null, Contracts.EXPIRE, Contracts.TYPE, String.valueOf(contract), null, null),
				PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
	}

	@Test
	void aContractIsTerminatedOnlyWithAReason() {
		long id = f.customer("ORGANIZATION", true, null);
		long contract = admin.post("/customers/" + id + "/contracts",
				contract(CrmFixtures.code("HT-"), "2026-01-01", "2030-12-31", "5000")).json().get("id").asLong();
		admin.post("/contracts/" + contract + "/activate", "{}");
		Api.Answer noReason = admin.post("/contracts/" + contract + "/terminate", "{}");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("\"field\":\"reason\"");
		Api.Answer done = admin.post("/contracts/" + contract + "/terminate", Map.of("reason", "客户车队出售"));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("TERMINATED");
		assertThat(admin.post("/contracts/" + contract + "/activate", "{}").status()).isEqualTo(422);
	}

	@Test
	void anAccountManagerSeesOnlyItsOwnAccountsAndADealerOnlyItsCustomers() {
		String mine = f.user(List.of("ACCOUNT_MANAGER"), null, null);
		String other = f.user(List.of("ACCOUNT_MANAGER"), null, null);
		long account = f.customer("ORGANIZATION", true, f.userId(mine));
		Api stranger = f.as(other);
		assertThat(stranger.post("/customers/" + account + "/visits", visit("2026-02-01", null)).status()).isEqualTo(404);
		assertThat(stranger.get("/customers/" + account + "/visit-plan").status()).isEqualTo(404);
		assertThat(audit.search(new AuditQuery(null, Audit.NOT_VISIBLE, KeyAccounts.TYPE, String.valueOf(account), null, null),
				PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
		assertThat(f.as(mine).get("/key-accounts").body()).contains("\"customerId\":" + account);
		assertThat(stranger.get("/key-accounts").body()).doesNotContain("\"customerId\":" + account + ",");

		String dealerUser = f.user(List.of("DEALER"), dealer, null);
		long theirs = f.customer("INDIVIDUAL", null, null);
		f.vehicle(theirs, dealer);
		long foreign = f.customer("INDIVIDUAL", null, null);
		Api d = f.as(dealerUser);
		assertThat(d.get("/customers/" + theirs + "/class").status()).isEqualTo(200);
		assertThat(d.get("/customers/" + foreign + "/class").status()).isEqualTo(404);
		assertThat(d.put("/customers/" + theirs + "/class", cls("A", "x")).status()).isEqualTo(403);
	}

	@Test
	void aKeyAccountNeedsAnAccountManagerHoldingTheRole() {
		String agent = f.user(List.of("CS_AGENT"), null, null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "某物流公司");
		body.put("kind", "ORGANIZATION");
		body.put("keyAccount", true);
		body.put("accountManagerUserId", f.userId(agent));
		Api.Answer a = admin.post("/customers", body);
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.body()).contains("\"field\":\"accountManagerUserId\"");
	}

	@Test
	void visitsAndFollowUpsMoveTheAccountOnMyAccounts() {
		String manager = f.user(List.of("ACCOUNT_MANAGER"), null, null);
		long id = f.customer("ORGANIZATION", true, f.userId(manager));
		Api am = f.as(manager);
		JsonNode row = row(am, id);
		assertThat(row.get("overdue").asBoolean()).isTrue();
		String today = LocalDate.now(com.kcm.shared.TimeConfig.BUSINESS_ZONE).toString();
		long visitId = am.post("/customers/" + id + "/visits", visit(today, today)).json().get("id").asLong();
		JsonNode after = row(am, id);
		assertThat(after.get("overdue").asBoolean()).isFalse();
		assertThat(after.get("lastVisit").asString()).isEqualTo(today);
		assertThat(after.get("followUpDue").asString()).isEqualTo(today);
		assertThat(am.post("/visits/" + visitId + "/follow-up-done", "{}").status()).isEqualTo(200);
		assertThat(row(am, id).get("followUpDue").isNull()).isTrue();
	}

	private static JsonNode row(Api api, long customerId) {
		for (JsonNode r : api.get("/key-accounts?size=100").json().get("items")) {
			if (r.get("customerId").asLong() == customerId) {
				return r;
			}
		}
		throw new AssertionError("account " + customerId + " not on my accounts");
	}
}
