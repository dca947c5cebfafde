package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.dealer.StatusChange;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/**
 * Monthly statements through HTTP: the whole flow from draft to settlement with every refusal on the way, the
 * appeal deadline across the National Day holiday, scoping, frozen snapshots, revisions, late penalties.
 */
@KcmTest
class StatementApiTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api specialist;
	Api manager;
	Api finance;
	String region;

	static String code(String p) {
		return p + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	Api user(String role, String dealerCode) {
		return new Api(port).as(Api.createUser(port, "st", role, dealerCode), "secret-123");
	}

	String dealer(String type) {
		String code = code("D");
		network.createDealer(new DealerCommand(code, "结算服务商" + code, type, region, "ACTIVE", "2020-01-01", 3, null, null));
		return code;
	}

	void at(int month, int day, int hour, int minute) {
		clock.set(LocalDateTime.of(2026, month, day, hour, minute).atZone(SHANGHAI).toInstant());
	}

	@BeforeEach
	void setUp() {
		region = code("R");
		network.createRegion(new RegionCommand(region, "结算大区"));
		specialist = user("AFTER_SALES", null);
		manager = user("AFTER_SALES_MANAGER", null);
		finance = user("FINANCE", null);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aStatementGoesFromDraftToSettlementAndEveryWrongMoveIsRefused() {
		String d = dealer("4S");
		Api dealerUser = user("DEALER", d);
		approvedPenalty(d, "2026-04", 1500, "负面舆情处置不力");
		at(9, 28, 9, 0);
		compute("2026-04");

		Api.Answer drafted = specialist.post("/statements/2026-04/drafts", Map.of("dealerCode", d));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		assertThat(drafted.json().get("created").asInt()).isEqualTo(1);
		long id = drafted.json().get("ids").get(0).asLong();
		assertThat(specialist.post("/statements/2026-04/drafts", Map.of("dealerCode", d)).status())
				.as("one statement per dealer and month").isEqualTo(422);

		JsonNode s = specialist.get("/statements/" + id).json();
		assertThat(s.get("status").asString()).isEqualTo("DRAFT");
		assertThat(s.get("revision").asInt()).isEqualTo(1);
		assertThat(lines(s)).containsExactly("SUPPORT 3000.00", "PENALTY -1500.00");
		assertThat(s.get("total").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(s.get("netAmount").decimalValue()).isEqualByComparingTo("1500.00");
		assertLinesSumToTotal(s);
		assertThat(condition(s, "LIMIT").get("explanation").asString())
				.isEqualTo("当月计入限值的抱怨 0 件，未超过本季度限值 1 件，满足");
		assertThat(condition(s, "FIRST_TIME_CLOSURE").get("explanation").asString())
				.isEqualTo("一次闭环率 —（无回访），视为满足");
		assertThat(s.get("indicators").get("complaints").asInt()).isZero();

		// a draft is not the dealer's or finance's business yet
		assertThat(dealerUser.get("/statements/" + id).status()).isEqualTo(404);
		assertThat(dealerUser.get("/statements?month=2026-04").json().get("total").asInt()).isZero();
		assertThat(finance.get("/statements/" + id).status()).isEqualTo(404);
		assertThat(dealerUser.post("/statements/" + id + "/publish", Map.of()).status()).isEqualTo(403);

		// published on Tuesday 29 September: three working days are 30 Sep, 8 Oct, 9 Oct (National Day holiday)
		at(9, 29, 10, 0);
		Api.Answer published = specialist.post("/statements/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.json().get("appealDueAt").asString()).isEqualTo("2026-10-09T16:30:00+08:00");
		assertThat(specialist.post("/statements/" + id + "/publish", Map.of()).status()).as("wrong state").isEqualTo(422);
		JsonNode page = dealerUser.get("/statements?month=2026-04").json();
		assertThat(page.get("total").asInt()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(20);

		assertThat(dealerUser.post("/statements/" + id + "/appeals", Map.of("evidence", "x")).json().get("errors").get(0)
				.get("field").asString()).as("reason required").isEqualTo("reason");
		at(10, 8, 9, 0);
		Api.Answer appeal = dealerUser.post("/statements/" + id + "/appeals",
				Map.of("reason", "该舆情已于当日处理完毕", "evidence", "https://example.com/evidence/1"));
		assertThat(appeal.status()).as(appeal.body()).isEqualTo(201);
		long appealId = appeal.json().get("id").asLong();
		assertThat(specialist.post("/statements/" + id + "/appeals", Map.of("reason", "x")).status())
				.as("only the dealer appeals").isEqualTo(403);

		at(10, 9, 17, 0);
		Api.Answer openAppeal = manager.post("/statements/" + id + "/approve", Map.of());
		assertThat(openAppeal.status()).as("an appeal is unanswered").isEqualTo(422);
		assertThat(openAppeal.body()).contains("尚有 1 件申诉未答复");
		assertThat(specialist.post("/statements/appeals/" + appealId + "/answer",
				Map.of("decision", "REJECTED", "answer", "x")).status()).isEqualTo(403);
		assertThat(manager.post("/statements/appeals/" + appealId + "/answer", Map.of("decision", "REJECTED"))
				.json().get("errors").get(0).get("field").asString()).isEqualTo("answer");
		Api.Answer answered = manager.post("/statements/appeals/" + appealId + "/answer",
				Map.of("decision", "REJECTED", "answer", "舆情发酵两天后才处理，维持考核"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(answered.json().get("revisionId").isNull()).isTrue();
		assertThat(manager.post("/statements/appeals/" + appealId + "/answer",
				Map.of("decision", "ACCEPTED", "answer", "again")).status()).as("answered once").isEqualTo(422);

		// after the deadline (Friday 9 October 16:30) no appeal is taken
		Api.Answer late = dealerUser.post("/statements/" + id + "/appeals", Map.of("reason", "补充申诉"));
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("appealDueAt");
		assertThat(late.json().get("errors").get(0).get("message").asString()).contains("2026-10-09 16:30");

		assertThat(specialist.post("/statements/" + id + "/approve", Map.of()).status()).isEqualTo(403);
		Api.Answer approved = manager.post("/statements/" + id + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("approvedBy").asString()).isNotBlank();
		assertThat(finance.get("/statements/" + id).status()).as("finance sees approved statements").isEqualTo(200);

		at(10, 12, 10, 0);
		Map<String, Object> payment = Map.of("method", "PAYMENT", "reference", "FK-2026-1012-01", "date", "2026-10-12");
		assertThat(specialist.post("/statements/" + id + "/settle", payment).status()).as("finance only").isEqualTo(403);
		assertThat(dealerUser.post("/statements/" + id + "/settle", payment).status()).isEqualTo(403);
		Api.Answer wrongMethod = finance.post("/statements/" + id + "/settle",
				Map.of("method", "DEPOSIT_DEDUCTION", "reference", "x", "date", "2026-10-12"));
		assertThat(wrongMethod.json().get("errors").get(0).get("field").asString()).as("a positive total is paid")
				.isEqualTo("method");
		assertThat(finance.post("/statements/" + id + "/settle",
				Map.of("method", "PAYMENT", "reference", "x", "date", "2026-10-13")).json().get("errors").get(0)
				.get("field").asString()).as("not in the future").isEqualTo("date");
		Api.Answer settled = finance.post("/statements/" + id + "/settle", payment);
		assertThat(settled.status()).as(settled.body()).isEqualTo(200);
		JsonNode t = settled.json();
		assertThat(t.get("status").asString()).isEqualTo("SETTLED");
		assertThat(t.get("settlementMethod").asString()).isEqualTo("PAYMENT");
		assertThat(t.get("settlementReference").asString()).isEqualTo("FK-2026-1012-01");
		assertThat(t.get("settlementDate").asString()).isEqualTo("2026-10-12");
		assertThat(finance.post("/statements/" + id + "/settle", payment).status()).as("settled once").isEqualTo(422);

		JsonNode appeals = dealerUser.get("/statements/" + id).json().get("appeals");
		assertThat(appeals).hasSize(1);
		assertThat(appeals.get(0).get("status").asString()).isEqualTo("REJECTED");
		assertThat(appeals.get(0).get("answer").asString()).isEqualTo("舆情发酵两天后才处理，维持考核");

		List<String> audited = jdbc.sql("select action || ':' || coalesce(after_state, '') from audit_entry "
				+ "where entity_type = 'statement' and entity_id = :id and action in ('CREATE', 'UPDATE') order by id").param("id", String.valueOf(id))
				.query(String.class).list();
		assertThat(audited).hasSize(4);
		assertThat(audited.get(0)).startsWith("CREATE:").contains("DRAFT");
		assertThat(audited.get(1)).contains("PUBLISHED");
		assertThat(audited.get(2)).contains("APPROVED");
		assertThat(audited.get(3)).contains("SETTLED").contains("FK-2026-1012-01");
	}

	@Autowired
	com.icegreen.greenmail.util.GreenMail greenMail;

	@Autowired
	com.kcm.support.RecordingSmsGateway sms;

	@Test
	void theDealerIsToldWhenItsStatementIsPublished() {
		String d = code("D");
		String email = d.toLowerCase() + "@dealer.example.com";
		String mobile = "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		network.createDealer(new DealerCommand(d, "通知服务商", "4S", region, "ACTIVE", "2020-01-01", 3, mobile, email));
		long id = published(d, "2026-07", 11, 2, 10, 0);
		List<com.kcm.support.Mailbox.Mail> mails = com.kcm.support.Eventually
				.await(() -> com.kcm.support.Mailbox.of(greenMail, email), m -> !m.isEmpty());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).contains("2026-07 月结算单已发布");
		assertThat(mails.get(0).body()).contains("结算金额 3000.00 元").contains("2026-11-05 16:30")
				.contains("/statements/" + id);
		assertThat(com.kcm.support.Eventually.await(() -> sms.to(mobile), m -> !m.isEmpty()).get(0).text())
				.contains("申诉截止 2026-11-05 16:30");
	}

	@Test
	void theOpenApiDocumentListsTheStatementCalls() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		String doc = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
				+ "/v3/api-docs")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
		assertThat(doc).contains("/api/v1/statements/{month}/drafts", "/api/v1/statements/{id}/publish",
				"/api/v1/statements/{id}/appeals", "/api/v1/statements/appeals/{appealId}/answer",
				"/api/v1/statements/{id}/approve", "/api/v1/statements/{id}/settle", "/api/v1/statements/{id}/revisions");
	}

	@Test
	void theAppealPeriodCountsWorkingDaysOverTheWeekend() {
		String d = dealer("3S");
		Api dealerUser = user("DEALER", d);
		long id = published(d, "2026-05", 11, 5, 10, 0); // Thursday 5 November
		JsonNode s = dealerUser.get("/statements/" + id).json();
		assertThat(s.get("appealDueAt").asString()).as("Fri 6, Mon 9, Tue 10").isEqualTo("2026-11-10T16:30:00+08:00");
		at(11, 10, 16, 30);
		assertThat(dealerUser.post("/statements/" + id + "/appeals", Map.of("reason", "最后一刻")).status()).isEqualTo(201);
		at(11, 10, 16, 31);
		assertThat(dealerUser.post("/statements/" + id + "/appeals", Map.of("reason", "晚了一分钟")).status())
				.isEqualTo(422);
	}

	@Test
	void aDealerUserNeverSeesAnotherDealersStatement() {
		String mine = dealer("4S");
		String theirs = dealer("4S");
		Api dealerUser = user("DEALER", mine);
		published(mine, "2026-06", 11, 2, 10, 0);
		long other = published(theirs, "2026-06", 11, 2, 10, 0);
		assertThat(dealerUser.get("/statements/" + other).status()).isEqualTo(404);
		assertThat(dealerUser.post("/statements/" + other + "/appeals", Map.of("reason", "x")).status()).isEqualTo(404);
		JsonNode page = dealerUser.get("/statements?month=2026-06&dealerCode=" + theirs).json();
		assertThat(page.get("total").asInt()).isZero();
		JsonNode all = dealerUser.get("/statements?month=2026-06").json();
		assertThat(all.get("total").asInt()).isEqualTo(1);
		assertThat(all.get("items").get(0).get("dealerCode").asString()).isEqualTo(mine);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'NOT_VISIBLE' and entity_type = 'statement' "
				+ "and entity_id = :id").param("id", String.valueOf(other)).query(Long.class).single())
				.as("the attempt is audited").isGreaterThanOrEqualTo(1);
		assertThat(user("CS_AGENT", null).get("/statements?month=2026-06").status()).isEqualTo(403);

		String otherRegion = code("R");
		network.createRegion(new RegionCommand(otherRegion, "别的大区"));
		String far = code("D");
		network.createDealer(new DealerCommand(far, "外区服务商", "4S", otherRegion, "ACTIVE", "2020-01-01", 3, null, null));
		long farId = published(far, "2026-06", 11, 2, 10, 0);
		String regionalName = "rg" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(new Api(port).as("admin", "admin-test-pass").post("/users", Map.of("username", regionalName,
				"password", "secret-123", "displayName", "大区经理", "roles", List.of("REGIONAL"), "regionCode", region))
				.status()).isEqualTo(201);
		Api regional = new Api(port).as(regionalName, "secret-123");
		assertThat(regional.get("/statements?month=2026-06").json().get("total").asInt()).as("its region's two dealers")
				.isEqualTo(2);
		assertThat(regional.get("/statements/" + other).status()).isEqualTo(200);
		assertThat(regional.get("/statements/" + farId).status()).isEqualTo(404);
	}

	@Test
	void aRecomputationNeverChangesAStatementButAManagersRevisionDoes() {
		String d = dealer("4S");
		at(11, 2, 9, 0);
		compute("2026-03");
		long id = specialist.post("/statements/2026-03/drafts", Map.of("dealerCode", d)).json().get("ids").get(0).asLong();
		assertThat(specialist.post("/media-incidents", Map.of("dealerCode", d, "at", "2026-03-12T10:00:00+08:00",
				"description", "微博负面曝光")).status()).isEqualTo(201);
		at(11, 2, 10, 0);
		compute("2026-03");
		JsonNode latest = specialist.get("/assessments/2026-03/dealers/" + d).json();
		assertThat(latest.get("supportAmount").decimalValue()).isEqualByComparingTo("0");
		assertThat(condition(latest, "NO_MEDIA_EXPOSURE").get("explanation").asString())
				.isEqualTo("当月负面媒体曝光或市场恶劣影响 1 起，不满足");

		JsonNode s = specialist.get("/statements/" + id).json();
		assertThat(s.get("supportAmount").decimalValue()).as("frozen").isEqualByComparingTo("3000.00");
		assertThat(condition(s, "NO_MEDIA_EXPOSURE").get("met").asBoolean()).isTrue();
		assertThat(s.get("total").decimalValue()).isEqualByComparingTo("3000.00");

		assertThat(manager.post("/statements/" + id + "/revisions", Map.of()).json().get("errors").get(0).get("field")
				.asString()).isEqualTo("reason");
		assertThat(specialist.post("/statements/" + id + "/revisions", Map.of("reason", "x")).status()).isEqualTo(403);
		Api.Answer revised = manager.post("/statements/" + id + "/revisions", Map.of("reason", "补录媒体曝光事件"));
		assertThat(revised.status()).as(revised.body()).isEqualTo(201);
		JsonNode r = revised.json();
		assertThat(r.get("revision").asInt()).isEqualTo(2);
		assertThat(r.get("status").asString()).isEqualTo("DRAFT");
		assertThat(r.get("previousId").asLong()).isEqualTo(id);
		assertThat(r.get("revisionReason").asString()).isEqualTo("补录媒体曝光事件");
		assertThat(lines(r)).containsExactly("SUPPORT 0.00");
		assertThat(condition(r, "NO_MEDIA_EXPOSURE").get("explanation").asString())
				.isEqualTo("当月负面媒体曝光或市场恶劣影响 1 起，不满足");
		assertThat(specialist.get("/statements/" + id).json().get("status").asString()).isEqualTo("SUPERSEDED");
		assertThat(specialist.post("/statements/" + id + "/publish", Map.of()).status()).as("superseded").isEqualTo(422);
		JsonNode current = specialist.get("/statements?month=2026-03&dealerCode=" + d).json();
		assertThat(current.get("total").asInt()).as("the list shows current revisions").isEqualTo(1);
		assertThat(current.get("items").get(0).get("revision").asInt()).isEqualTo(2);
	}

	@Test
	void anAcceptedAppealRecomputesTheMonthIntoANewDraftRevision() {
		String d = dealer("4S");
		Api dealerUser = user("DEALER", d);
		network.changeStatus(d, new StatusChange("SUSPENDED", "2026-02-20", "误录"));
		network.changeStatus(d, new StatusChange("ACTIVE", "2026-03-01", "恢复"));
		long id = published(d, "2026-02", 11, 2, 10, 0);
		JsonNode s = dealerUser.get("/statements/" + id).json();
		assertThat(condition(s, "ACTIVE_STATUS").get("explanation").asString()).isEqualTo("当月非正式运作 9 天，不满足");
		assertThat(s.get("total").decimalValue()).isEqualByComparingTo("0.00");

		at(11, 3, 9, 0);
		long a1 = dealerUser.post("/statements/" + id + "/appeals", Map.of("reason", "2月20日暂停为误录，本店全月正常营业",
				"evidence", "营业执照及当月工单截图")).json().get("id").asLong();
		long a2 = dealerUser.post("/statements/" + id + "/appeals", Map.of("reason", "另有一事")).json().get("id").asLong();
		network.changeStatus(d, new StatusChange("ACTIVE", "2026-02-20", "更正误录"));
		Api.Answer accepted = manager.post("/statements/appeals/" + a1 + "/answer",
				Map.of("decision", "ACCEPTED", "answer", "核实为误录，已更正"));
		assertThat(accepted.json().get("revisionId").isNull()).as("another appeal still open").isTrue();
		Api.Answer last = manager.post("/statements/appeals/" + a2 + "/answer", Map.of("decision", "REJECTED", "answer", "无依据"));
		assertThat(last.status()).as(last.body()).isEqualTo(200);
		long rev = last.json().get("revisionId").asLong();

		JsonNode r = specialist.get("/statements/" + rev).json();
		assertThat(r.get("revision").asInt()).isEqualTo(2);
		assertThat(r.get("status").asString()).isEqualTo("DRAFT");
		assertThat(r.get("revisionReason").asString()).contains("#" + a1);
		assertThat(condition(r, "ACTIVE_STATUS").get("met").asBoolean()).isTrue();
		assertThat(lines(r)).containsExactly("SUPPORT 3000.00");
		assertThat(specialist.get("/statements/" + id).json().get("status").asString()).isEqualTo("SUPERSEDED");
		assertThat(dealerUser.get("/statements/" + rev).status()).as("a draft again until published").isEqualTo(404);
		assertThat(dealerUser.get("/statements/" + id).json().get("appeals").get(0).get("status").asString())
				.isEqualTo("ACCEPTED");
	}

	@Test
	void aPenaltyApprovedAfterTheStatementWasApprovedMakesANewRevisionThatSettlesTheDifference() {
		String d = dealer("4S");
		long id = published(d, "2026-01", 11, 2, 10, 0);
		at(11, 6, 9, 0);
		assertThat(manager.post("/statements/" + id + "/approve", Map.of()).status()).isEqualTo(200);
		assertThat(finance.post("/statements/" + id + "/settle",
				Map.of("method", "PAYMENT", "reference", "FK-1", "date", "2026-11-06")).status()).isEqualTo(200);

		long penalty = approvedPenalty(d, "2026-01", 2000, "客户投诉媒体，处置不力");
		JsonNode current = specialist.get("/statements?month=2026-01&dealerCode=" + d).json().get("items").get(0);
		assertThat(current.get("revision").asInt()).isEqualTo(2);
		assertThat(current.get("status").asString()).isEqualTo("DRAFT");
		assertThat(current.get("revisionReason").asString()).contains("#" + penalty);
		JsonNode r = specialist.get("/statements/" + current.get("id").asLong()).json();
		assertThat(lines(r)).containsExactly("SUPPORT 3000.00", "PENALTY -2000.00", "SETTLED_BEFORE -3000.00");
		assertThat(r.get("netAmount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(r.get("total").decimalValue()).as("2,000 to deduct: 3,000 were paid already").isEqualByComparingTo("-2000.00");
		assertLinesSumToTotal(r);
		JsonNode old = specialist.get("/statements/" + id).json();
		assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
		assertThat(old.get("settlementReference").asString()).isEqualTo("FK-1");
		assertThat(lines(old)).as("the settled revision keeps its lines").containsExactly("SUPPORT 3000.00");
	}

	@Test
	void aPenaltyApprovedWhilePublishedBlocksApprovalUntilTheManagerRevises() {
		String d = dealer("3S");
		long id = published(d, "2025-12", 11, 2, 10, 0);
		long penalty = approvedPenalty(d, "2025-12", 1000, "回访造假");
		JsonNode s = specialist.get("/statements/" + id).json();
		assertThat(s.get("pendingPenaltyIds").get(0).asLong()).isEqualTo(penalty);
		at(11, 6, 9, 0);
		Api.Answer refused = manager.post("/statements/" + id + "/approve", Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("考核 #" + penalty + " 在结算单生成后批准");
		long rev = manager.post("/statements/" + id + "/revisions", Map.of("reason", "计入考核 #" + penalty)).json().get("id")
				.asLong();
		JsonNode r = specialist.get("/statements/" + rev).json();
		assertThat(lines(r)).containsExactly("SUPPORT 1500.00", "PENALTY -1000.00");
		assertThat(r.get("total").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(r.get("pendingPenaltyIds")).isEmpty();
	}

	@Test
	void aZeroTotalSettlesWithNothingToPayAndANegativeOneIsDeducted() {
		String zero = dealer("3S");
		approvedPenalty(zero, "2025-11", 1500, "处置不力");
		String negative = dealer("3S");
		approvedPenalty(negative, "2025-11", 4000, "重大负面影响");
		long z = published(zero, "2025-11", 11, 2, 10, 0);
		long n = published(negative, "2025-11", 11, 2, 10, 0);
		at(11, 6, 9, 0);
		manager.post("/statements/" + z + "/approve", Map.of());
		manager.post("/statements/" + n + "/approve", Map.of());
		assertThat(finance.post("/statements/" + z + "/settle", Map.of("method", "PAYMENT", "reference", "x", "date",
				"2026-11-06")).status()).isEqualTo(422);
		JsonNode zs = finance.post("/statements/" + z + "/settle", Map.of("method", "NONE", "date", "2026-11-06")).json();
		assertThat(zs.get("status").asString()).isEqualTo("SETTLED");
		assertThat(zs.get("total").decimalValue()).isEqualByComparingTo("0.00");
		JsonNode ns = finance.post("/statements/" + n + "/settle", Map.of("method", "CLAIM_SETTLEMENT_DEDUCTION",
				"reference", "SP-2026-11-0042", "date", "2026-11-06")).json();
		assertThat(ns.get("total").decimalValue()).isEqualByComparingTo("-2500.00");
		assertThat(ns.get("settlementMethod").asString()).isEqualTo("CLAIM_SETTLEMENT_DEDUCTION");
	}

	@Test
	void draftsForTheWholeMonthSkipDealersThatHaveOne() {
		String a = dealer("4S");
		String b = dealer("3S");
		at(11, 2, 9, 0);
		compute("2025-10");
		long first = specialist.post("/statements/2025-10/drafts", Map.of("dealerCode", a)).json().get("ids").get(0).asLong();
		Api.Answer all = specialist.post("/statements/2025-10/drafts", Map.of());
		assertThat(all.status()).as(all.body()).isEqualTo(201);
		assertThat(all.json().get("skipped").asInt()).isGreaterThanOrEqualTo(1);
		JsonNode listA = specialist.get("/statements?month=2025-10&dealerCode=" + a).json();
		assertThat(listA.get("total").asInt()).isEqualTo(1);
		assertThat(listA.get("items").get(0).get("id").asLong()).isEqualTo(first);
		JsonNode listB = specialist.get("/statements?month=2025-10&dealerCode=" + b + "&status=DRAFT").json();
		assertThat(listB.get("total").asInt()).isEqualTo(1);
		assertThat(user("DEALER", b).get("/statements?month=2025-10").json().get("total").asInt()).isZero();
		assertThat(manager.post("/statements/2025-10/drafts/publish", Map.of()).status()).isEqualTo(200);
		assertThat(specialist.get("/statements?month=2025-10&dealerCode=" + b + "&status=DRAFT").json().get("total")
				.asInt()).as("every draft published").isZero();
		JsonNode seen = user("DEALER", b).get("/statements?month=2025-10").json();
		assertThat(seen.get("total").asInt()).isEqualTo(1);
		assertThat(seen.get("items").get(0).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(specialist.get("/statements?status=NOPE").json().get("errors").get(0).get("field").asString())
				.isEqualTo("status");
		assertThat(specialist.post("/statements/2019-01/drafts", Map.of()).json().get("errors").get(0).get("field")
				.asString()).as("nothing computed").isEqualTo("month");
	}

	@Test
	void theAssessmentAnswerExplainsEachConditionInTheReadersLanguage() {
		String d = dealer("4S");
		at(11, 2, 9, 0);
		compute("2025-09");
		JsonNode zh = specialist.get("/assessments/2025-09/dealers/" + d).json();
		assertThat(zh.get("conditions")).hasSize(6);
		assertThat(condition(zh, "MONTHLY_CLOSURE").get("explanation").asString())
				.isEqualTo("月度闭环率 —（无应闭环抱怨），视为满足");
		assertThat(condition(zh, "ACTIVE_STATUS").get("explanation").asString()).isEqualTo("当月每天均为正式运作，满足");
		assertThat(condition(zh, "LIMIT").get("threshold").asInt()).as("Appendix A fields kept").isEqualTo(1);
		JsonNode en = specialist.get("/assessments/2025-09/dealers/" + d + "?lang=en").json();
		assertThat(condition(en, "LIMIT").get("explanation").asString())
				.isEqualTo("0 complaints counted toward the limit this month, within the quarter's limit of 1: met");
	}

	@Test
	void theExplanationOfAnUnmetRateShowsThePercentage() {
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		ConditionExplanations e = new ConditionExplanations(messages());
		assertThat(ConditionExplanations.percent(new BigDecimal("0.8333"))).isEqualTo("83.33%");
		assertThat(ConditionExplanations.percent(new BigDecimal("1.0000"))).isEqualTo("100%");
		assertThat(e.explain(new java.util.LinkedHashMap<>(Map.of("code", "MONTHLY_CLOSURE", "met", false, "figure",
				new BigDecimal("0.9500"), "threshold", BigDecimal.ONE)))).isEqualTo("月度闭环率 95%，未达到 100%，不满足");
		assertThat(e.explain(new java.util.LinkedHashMap<>(Map.of("code", "LIMIT", "met", false, "figure", 3,
				"threshold", 2)))).isEqualTo("当月计入限值的抱怨 3 件，超过本季度限值 2 件，不满足");
		org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
	}

	@Autowired
	org.springframework.context.MessageSource messageSource;

	org.springframework.context.MessageSource messages() {
		return messageSource;
	}

	// ------------------------------------------------------------------ helpers

	long approvedPenalty(String dealer, String month, int amount, String reason) {
		Api.Answer p = specialist.post("/penalties", Map.of("dealerCode", dealer, "month", month, "amount", amount,
				"reason", reason));
		assertThat(p.status()).as(p.body()).isEqualTo(201);
		long id = p.json().get("id").asLong();
		assertThat(manager.post("/penalties/" + id + "/approve", Map.of()).status()).isEqualTo(200);
		return id;
	}

	void compute(String month) {
		Api.Answer c = specialist.post("/assessments/" + month + "/compute", Map.of());
		assertThat(c.status()).as(c.body()).isEqualTo(200);
	}

	/** Computes the month, drafts the dealer's statement and publishes it at the given local time (2026). */
	long published(String dealer, String month, int m, int day, int hour, int minute) {
		at(m, day, hour, minute);
		compute(month);
		Api.Answer drafted = specialist.post("/statements/" + month + "/drafts", Map.of("dealerCode", dealer));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		long id = drafted.json().get("ids").get(0).asLong();
		assertThat(specialist.post("/statements/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	static List<String> lines(JsonNode statement) {
		List<String> out = new ArrayList<>();
		for (JsonNode l : statement.get("lines")) {
			out.add(l.get("kind").asString() + " " + l.get("amount").decimalValue().setScale(2).toPlainString());
		}
		return out;
	}

	static void assertLinesSumToTotal(JsonNode statement) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode l : statement.get("lines")) {
			sum = sum.add(l.get("amount").decimalValue());
		}
		assertThat(sum).isEqualByComparingTo(statement.get("total").decimalValue());
	}

	static JsonNode condition(JsonNode answer, String code) {
		for (JsonNode c : answer.get("conditions")) {
			if (c.get("code").asString().equals(code)) {
				return c;
			}
		}
		throw new AssertionError("no condition " + code);
	}
}
