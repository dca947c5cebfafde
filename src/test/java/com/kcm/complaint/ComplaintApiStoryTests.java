package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** One complaint's whole closed loop through the REST API, as the call-centre and dealer systems use it. */
@KcmTest
class ComplaintApiStoryTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	String dealerA;
	String dealerB;
	Api agent;
	Api specialist;
	Api dealerUserA;
	Api dealerUserB;

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	Api user(String role, String dealerCode) {
		return new Api(port).as(Api.createUser(port, "c", role, dealerCode), "secret-123");
	}

	@BeforeEach
	void network() {
		String region = code("R");
		network.createRegion(new RegionCommand(region, "测试大区"));
		dealerA = code("A");
		dealerB = code("B");
		network.createDealer(new DealerCommand(dealerA, "甲服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		network.createDealer(new DealerCommand(dealerB, "乙服务商", "3S", region, "ACTIVE", "2020-01-01", 3, null, null));
		agent = user("CS_AGENT", null);
		specialist = user("AFTER_SALES", null);
		dealerUserA = user("DEALER", dealerA);
		dealerUserB = user("DEALER", dealerB);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void at(String isoWithOffset) {
		clock.set(OffsetDateTime.parse(isoWithOffset).toInstant());
	}

	Map<String, Object> intake(String phone, String description) {
		return Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400", "description", description, "customer",
				Map.of("name", "王先生", "phone", phone));
	}

	@Test
	void aComplaintGoesRoundTheLoopUntilTheCallbackClosesIt() {
		at("2026-11-02T10:00:00+08:00");
		String phone = phone();
		Api.Answer created = agent.postRaw("/complaints", Api.json(intake(phone, "刹车异响，\n多次维修未解决")),
				Map.of("Idempotency-Key", "k-" + UUID.randomUUID()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("REGISTERED");
		long id = created.json().get("id").asLong();

		Api.Answer dispatched = specialist.post("/complaints/" + id + "/dispatch",
				Map.of("dealerCode", dealerA, "category", "SERVICE_PROCESS", "suggestion", "请当天联系客户"));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		JsonNode wo = dispatched.json();
		assertThat(wo.get("dealerCode").asString()).isEqualTo(dealerA);
		assertThat(wo.get("confirmDueAt").asString()).isEqualTo("2026-11-03T00:00:00+08:00");
		assertThat(wo.get("replyDueAt").asString()).isEqualTo("2026-11-03T10:00:00+08:00");
		assertThat(wo.get("closeDueAt").asString()).isEqualTo("2026-11-05T16:30:00+08:00");
		long workOrder = wo.get("id").asLong();

		at("2026-11-02T10:30:00+08:00");
		assertThat(dealerUserA.post("/complaints/" + id + "/work-orders/" + workOrder + "/confirm", Map.of()).status())
				.isEqualTo(200);
		at("2026-11-02T15:00:00+08:00");
		Api.Answer reply = dealerUserA.post("/complaints/" + id + "/work-orders/" + workOrder + "/replies",
				Map.of("contactedCustomerAt", "2026-11-02T11:00:00+08:00", "final", true, "text", "已重新调整刹车",
						"repairOrderNo", "RO-2026-1102"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		at("2026-11-03T09:00:00+08:00");
		assertThat(specialist.post("/complaints/" + id + "/closure-request", Map.of()).status()).isEqualTo(200);
		at("2026-11-03T14:00:00+08:00");
		Api.Answer returned = agent.post("/complaints/" + id + "/callbacks",
				Map.of("reached", true, "resolved", false, "satisfied", false, "falseReply", false, "notes", "仍有异响"));
		assertThat(returned.json().get("status").asString()).isEqualTo("IN_PROGRESS");

		at("2026-11-04T10:00:00+08:00");
		assertThat(dealerUserA.post("/complaints/" + id + "/work-orders/" + workOrder + "/replies",
				Map.of("final", true, "text", "更换刹车片后试车正常")).status()).isEqualTo(201);
		at("2026-11-04T11:00:00+08:00");
		specialist.post("/complaints/" + id + "/closure-request", Map.of());
		at("2026-11-04T15:00:00+08:00");
		Api.Answer closed = agent.post("/complaints/" + id + "/callbacks",
				Map.of("reached", true, "resolved", true, "satisfied", true, "falseReply", false));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");

		JsonNode view = specialist.get("/complaints/" + id).json();
		assertThat(view.get("description").asString()).isEqualTo("刹车异响，\n多次维修未解决");
		assertThat(view.get("customer").get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(view.get("responsibleDealerCode").asString()).isEqualTo(dealerA);
		assertThat(view.get("escalated").asBoolean()).isFalse();
		assertThat(view.get("workOrders").get(0).get("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameComplaintAndAnotherBodyIsRefused() {
		String key = "k-" + UUID.randomUUID();
		String body = Api.json(intake(phone(), "空调不制冷"));
		Api.Answer first = agent.postRaw("/complaints", body, Map.of("Idempotency-Key", key));
		Api.Answer again = agent.postRaw("/complaints", body, Map.of("Idempotency-Key", key));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		Api.Answer other = agent.postRaw("/complaints", Api.json(intake(phone(), "别的内容")), Map.of("Idempotency-Key", key));
		assertThat(other.status()).isEqualTo(422);
	}

	@Test
	void requestsSentAtOnceWithOneKeyRegisterOneComplaint() throws Exception {
		String key = "k-" + UUID.randomUUID();
		String body = Api.json(intake(phone(), "同时发送"));
		List<java.util.concurrent.Callable<Api.Answer>> sends = java.util.stream.IntStream.range(0, 6)
				.mapToObj(i -> (java.util.concurrent.Callable<Api.Answer>) () -> agent.postRaw("/complaints", body,
						Map.of("Idempotency-Key", key)))
				.toList();
		List<Api.Answer> answers = new java.util.ArrayList<>();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			for (var f : pool.invokeAll(sends)) {
				answers.add(f.get());
			}
		} finally {
			pool.shutdown();
		}
		assertThat(answers).extracting(Api.Answer::status).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(answers).extracting(a -> a.json().get("id").asLong()).containsOnly(answers.get(0).json().get("id").asLong());
	}

	@Test
	void anOverlongKeyIsRefusedNamingTheHeaderAndRegistersNothing() {
		String external = "EXT-" + UUID.randomUUID();
		Map<String, Object> body = new java.util.LinkedHashMap<>(intake(phone(), "键太长"));
		body.put("externalId", external);
		Api.Answer a = agent.postRaw("/complaints", Api.json(body), Map.of("Idempotency-Key", "k".repeat(201)));
		assertThat(a.status()).as(a.body()).isEqualTo(422);
		assertThat(a.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
		assertThat(agent.get("/complaints?externalId=" + external).json()).isEmpty();
		Api.Answer fits = agent.postRaw("/complaints", Api.json(body), Map.of("Idempotency-Key", "k".repeat(200)));
		assertThat(fits.status()).as(fits.body()).isEqualTo(201);
	}

	@Test
	void intakeNamesEveryMissingField() {
		Api.Answer a = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"customer", Map.of("name", "")));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").findValuesAsString("field")).contains("description", "customer.name",
				"customer.phone");
	}

	@Test
	void aCallbackWithoutReachedIsRefusedNamingTheFieldBeforeAnythingIsRead() {
		long id = agent.post("/complaints", intake(phone(), "x")).json().get("id").asLong();
		Api.Answer callback = agent.post("/complaints/" + id + "/callbacks", Map.of("resolved", true));
		assertThat(callback.status()).isEqualTo(422);
		assertThat(callback.json().get("errors").toString()).isEqualTo("[{\"field\":\"reached\",\"message\":\"必填\"}]");
		assertThat(agent.post("/complaints/999999999/callbacks", Map.of()).json().get("errors").toString())
				.as("checked before the complaint is looked up").isEqualTo(callback.json().get("errors").toString());
	}

	@Test
	void anIllegalMoveIsRefusedWithAReasonAndChangesNothing() {
		long id = agent.post("/complaints", intake(phone(), "x")).json().get("id").asLong();
		Api.Answer callback = agent.post("/complaints/" + id + "/callbacks", Map.of("reached", true, "resolved", true,
				"satisfied", true));
		assertThat(callback.status()).isEqualTo(422);
		assertThat(callback.body()).contains("回访");
		assertThat(agent.get("/complaints/" + id).json().get("status").asString()).isEqualTo("REGISTERED");
	}

	@Test
	void aDealerSeesOnlyItsOwnComplaintsAndWorkOrders() {
		long id = agent.post("/complaints", intake(phone(), "x")).json().get("id").asLong();
		specialist.post("/complaints/" + id + "/dispatch", Map.of("dealerCode", dealerA, "category", "OTHER"));
		assertThat(dealerUserA.get("/complaints/" + id).status()).isEqualTo(200);
		assertThat(dealerUserB.get("/complaints/" + id).status()).isEqualTo(404);
		JsonNode mine = dealerUserB.get("/work-orders?open=true&dealerCode=" + dealerA).json();
		assertThat(mine.get("total").asLong()).isZero();
		JsonNode theirs = dealerUserA.get("/work-orders?open=true").json();
		assertThat(theirs.get("items").findValuesAsString("dealerCode")).containsOnly(dealerA);
	}

	@Test
	void aReDispatchMovesResponsibilityAndTheVoidedOrderShowsAsVoided() {
		long id = agent.post("/complaints", intake(phone(), "x")).json().get("id").asLong();
		specialist.post("/complaints/" + id + "/dispatch", Map.of("dealerCode", dealerA, "category", "OTHER"));
		Api.Answer r = specialist.post("/complaints/" + id + "/redispatch", Map.of("dealerCode", dealerB, "reason", "派错"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode view = specialist.get("/complaints/" + id).json();
		assertThat(view.get("responsibleDealerCode").asString()).isEqualTo(dealerB);
		assertThat(view.get("workOrders").findValuesAsString("status")).containsExactly("VOIDED", "DISPATCHED");
		assertThat(dealerUserA.get("/complaints/" + id).status()).isEqualTo(404);
	}

	@Test
	void aHistoryImportReplaysTheRulesAndABadItemImportsNothing() {
		String good = "H-" + UUID.randomUUID();
		String bad = "H-" + UUID.randomUUID();
		Map<String, Object> goodHistory = Map.of("externalId", good, "kind", "COMPLAINT", "channel", "HOTLINE_400",
				"category", "PRODUCT_QUALITY", "customer", Map.of("name", "李女士", "phone", phone()), "events", List.of(
						Map.of("type", "REGISTERED", "at", "2026-03-02T09:10:00+08:00"),
						Map.of("type", "DISPATCHED", "at", "2026-03-02T10:00:00+08:00", "dealerCode", dealerA),
						Map.of("type", "REPLIED", "at", "2026-03-02T18:00:00+08:00", "contactedCustomerAt",
								"2026-03-02T11:00:00+08:00", "final", true, "text", "更换水泵", "faultCause", "水泵漏水",
								"qualityDefect", true, "partsReplaced", List.of("水泵")),
						Map.of("type", "CLOSURE_REQUESTED", "at", "2026-03-03T09:00:00+08:00"),
						Map.of("type", "CALLBACK", "at", "2026-03-03T15:00:00+08:00", "reached", true, "resolved", true,
								"satisfied", true, "falseReply", false)));
		Map<String, Object> badHistory = Map.of("externalId", bad, "kind", "COMPLAINT", "channel", "HOTLINE_400",
				"category", "SERVICE_PROCESS", "customer", Map.of("name", "赵先生", "phone", phone()), "events", List.of(
						Map.of("type", "REGISTERED", "at", "2026-03-02T09:10:00+08:00"),
						Map.of("type", "CALLBACK", "at", "2026-03-02T10:00:00+08:00", "reached", true, "resolved", true,
								"satisfied", true)));
		Api.Answer refused = specialist.post("/imports/complaint-history", List.of(goodHistory, badHistory));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(specialist.get("/complaints?externalId=" + good).json()).isEmpty();

		Api.Answer imported = specialist.post("/imports/complaint-history", List.of(goodHistory));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		JsonNode found = specialist.get("/complaints?externalId=" + good).json();
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("status").asString()).isEqualTo("CLOSED");
		assertThat(found.get(0).get("workOrders").get(0).get("closeDueAt").asString())
				.as("PRODUCT_QUALITY: 7 days from Mon 03-02 → Mon 03-09 16:30").isEqualTo("2026-03-09T16:30:00+08:00");
	}
}
