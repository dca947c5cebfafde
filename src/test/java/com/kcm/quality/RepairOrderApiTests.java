package com.kcm.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Appendix A.2 through HTTP as an outside client: vehicles, repair orders and the 三包 answer. */
@KcmTest
class RepairOrderApiTests {

	static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	@LocalServerPort
	int port;

	Api admin;
	String dealer;
	String dealer2;
	String region;

	@BeforeEach
	void network() {
		admin = new Api(port).as("admin", "admin-test-pass");
		region = code("R");
		assertThat(admin.post("/regions", Map.of("code", region, "name", "质量大区")).status()).isEqualTo(201);
		dealer = newDealer();
		dealer2 = newDealer();
	}

	String newDealer() {
		String code = code("Q");
		Api.Answer a = admin.post("/dealers", Map.of("code", code, "name", "质量测试服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01"));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return code;
	}

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String vin() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		StringBuilder sb = new StringBuilder("LFV");
		while (sb.length() < 17) {
			sb.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
		}
		return sb.toString();
	}

	String vehicle(String purchaseDate, String deliveryDate) {
		String vin = vin();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vin", vin);
		body.put("purchaseDate", purchaseDate);
		if (deliveryDate != null) {
			body.put("deliveryDate", deliveryDate);
		}
		body.put("model", "KCM S7");
		body.put("sellingDealerCode", dealer);
		Api.Answer a = admin.post("/vehicles", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		assertThat(a.json().get("id").asLong()).isPositive();
		return vin;
	}

	static Map<String, Object> order(String vin, String dealer, String no, String openedAt, String closedAt, int km,
			String system, String faultCode, boolean quality, List<Map<String, Object>> replaced) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("vin", vin);
		m.put("dealerCode", dealer);
		m.put("repairOrderNo", no);
		m.put("openedAt", openedAt);
		if (closedAt != null) {
			m.put("closedAt", closedAt);
		}
		m.put("mileageKm", km);
		m.put("system", system);
		m.put("faultCode", faultCode);
		m.put("description", "客户反映异响");
		m.put("qualityProblem", quality);
		m.put("seriousSafetyFault", false);
		m.put("replaced", replaced);
		return m;
	}

	static Map<String, Object> item(String system, String partNo, boolean wholeUnit) {
		return Map.of("system", system, "partNo", partNo, "wholeUnit", wholeUnit);
	}

	@Test
	void aVehicleIsRegisteredWithItsDatesAndWithoutAnOwnerAndAVinOnlyOnce() {
		String vin = vehicle("2026-01-10", "2026-01-12");
		Api.Answer again = admin.post("/vehicles", Map.of("vin", vin, "purchaseDate", "2026-01-10"));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("vin");
		Api.Answer noDate = admin.post("/vehicles", Map.of("vin", vin()));
		assertThat(noDate.status()).isEqualTo(422);
		assertThat(noDate.json().get("errors").findValuesAsString("field")).containsExactly("purchaseDate");
	}

	@Test
	void theSanbaoAnswerHasTheStartThePeriodsAndTheFlagsExactly() throws Exception {
		String vin = vehicle("2026-01-10", "2026-01-12");
		String ro = code("RO");
		List<Map<String, Object>> orders = new ArrayList<>();
		orders.add(order(vin, dealer, ro + "-1", "2026-02-01T09:00:00+08:00", "2026-02-02T09:00:00+08:00", 1_500,
				"ENGINE", "P0300", true, List.of(item("ENGINE", "E-INJ-1", false))));
		for (int i = 2; i <= 4; i++) {
			orders.add(order(vin, dealer, ro + "-" + i, "2026-0" + (i + 1) + "-01T09:00:00+08:00",
					"2026-0" + (i + 1) + "-01T10:00:00+08:00", 4_000 + i, "ENGINE", "P0300", true, List.of()));
		}
		orders.add(order(vin, dealer2, ro + "-M", "2026-04-15T09:00:00+08:00", "2026-04-15T10:00:00+08:00", 6_000,
				"ENGINE", "P0300", false, List.of()));
		Api.Answer imported = admin.post("/repair-orders", orders);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(5);

		Api.Answer a = admin.get("/vehicles/" + vin + "/sanbao?at=2026-06-01T00:00:00%2B08:00");
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		JsonNode expected = JsonMapper.builder().build().readTree("""
				{"vin":"%s","start":"2026-01-12","sanbaoUntil":"2028-01-12","warrantyUntil":"2029-01-12","repairDays":4,
				 "flags":[
				  {"code":"SAME_PROBLEM_REPAIRS","state":"APPROACHING","figure":4,"threshold":4,"article":"24.1.4","faultCode":"P0300"},
				  {"code":"EARLY_UNIT_FAULT","state":"REACHED","figure":20,"threshold":60,"article":"22","remedy":"UNIT_REPLACEMENT","repairOrderNo":"%s-1"}
				 ]}""".formatted(vin, ro));
		assertThat(a.json()).isEqualTo(expected);

		Api.Answer before = admin.get("/vehicles/" + vin + "/sanbao?at=2026-03-15T00:00:00+08:00");
		assertThat(before.status()).as("an unencoded + is taken back").isEqualTo(200);
		assertThat(before.json().get("repairDays").asInt()).as("orders opened after at are ignored").isEqualTo(2);
		assertThat(before.json().get("flags").findValuesAsString("code")).containsExactly("EARLY_UNIT_FAULT");

		Api.Answer fifth = admin.post("/repair-orders", List.of(order(vin, dealer, ro + "-5",
				"2026-06-10T09:00:00+08:00", null, 7_000, "ENGINE", "P0300", true, List.of())));
		assertThat(fifth.status()).as(fifth.body()).isEqualTo(200);
		JsonNode open = admin.get("/vehicles/" + vin + "/sanbao?at=2026-06-11T09:01:00%2B08:00").json();
		assertThat(open.get("repairDays").asInt()).as("the open order counts up to at: 24 h 1 min = 2 days")
				.isEqualTo(6);
		assertThat(open.get("flags").get(0).get("state").asString()).isEqualTo("REACHED");
		assertThat(open.get("flags").get(0).get("figure").asInt()).isEqualTo(5);
	}

	@Test
	void aBadBatchIsRefusedWithTheIndexOfEveryErrorAndNothingIsImported() {
		String vin = vehicle("2026-01-10", null);
		String ro = code("RO");
		Api.Answer first = admin.post("/repair-orders", List.of(order(vin, dealer, ro + "-A", "2026-02-01T09:00:00+08:00",
				"2026-02-01T12:00:00+08:00", 100, "BRAKES", "B1", true, List.of())));
		assertThat(first.status()).as(first.body()).isEqualTo(200);

		List<Map<String, Object>> batch = new ArrayList<>();
		batch.add(order(vin, dealer, ro + "-B", "2026-03-01T09:00:00+08:00", "2026-03-05T09:00:00+08:00", 200,
				"BRAKES", "B1", true, List.of()));
		batch.add(order(vin(), dealer, ro + "-C", "2026-03-01T09:00:00+08:00", null, 200, "BRAKES", "B1", true, List.of()));
		batch.add(order(vin, "NODEALER", ro + "-D", "2026-03-01T09:00:00+08:00", null, 200, "BRAKES", "B1", true, List.of()));
		batch.add(order(vin, dealer, ro + "-A", "2026-03-01T09:00:00+08:00", null, 200, "BRAKES", "B1", true, List.of()));
		batch.add(order(vin, dealer, ro + "-E", "2026-03-01T09:00:00+08:00", "2026-03-01T08:59:00+08:00", 200, "BRAKES",
				"B1", true, List.of()));
		batch.add(order(vin, dealer, ro + "-F", "2026-03-01T09:00:00+08:00", null, -1, "BRAKES", "B1", true, List.of()));
		Map<String, Object> hours = order(vin, dealer, ro + "-G", "2026-03-01T09:00:00+08:00", null, 1, "BRAKES", "B1",
				true, List.of());
		hours.put("excludedHours", -2);
		batch.add(hours);
		batch.add(order(vin, dealer, ro + "-H", "2026-03-01T09:00:00+08:00", null, 1, "WHEELS", "B1", true,
				List.of(item("ROOF", "X", false))));
		batch.add(order(vin, dealer, ro + "-B", "2026-03-02T09:00:00+08:00", null, 1, "BRAKES", "B1", true, List.of()));
		Map<String, Object> early = order(vin, dealer, ro + "-I", "2026-03-01T09:00:00+08:00", null, 1, "BRAKES", "B1",
				true, List.of());
		early.put("earlyFailure", "ENGINE_FIRE");
		batch.add(early);

		Api.Answer a = admin.post("/repair-orders", batch);
		assertThat(a.status()).as(a.body()).isEqualTo(422);
		List<String> errors = new ArrayList<>();
		a.json().get("errors").forEach(e -> errors.add(e.get("index").asInt() + ":" + e.get("field").asString()));
		assertThat(errors).containsExactlyInAnyOrder("1:vin", "2:dealerCode", "3:repairOrderNo", "4:closedAt",
				"5:mileageKm", "6:excludedHours", "7:system", "7:replaced[0].system", "8:repairOrderNo",
				"9:earlyFailure");
		JsonNode state = admin.get("/vehicles/" + vin + "/sanbao").json();
		assertThat(state.get("repairDays").asInt()).as("nothing of the batch was imported").isEqualTo(1);
	}

	@Test
	void anUnknownVinIs404AndADealerUserDoesNotSeeAVehicleWithoutOwner() {
		assertThat(admin.get("/vehicles/" + vin() + "/sanbao").status()).isEqualTo(404);
		String vin = vehicle("2026-01-10", null);
		String user = "u" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", user);
		body.put("password", "secret-123");
		body.put("displayName", "服务商用户");
		body.put("roles", List.of("DEALER"));
		body.put("dealerCode", dealer);
		assertThat(admin.post("/users", body).status()).isEqualTo(201);
		Api dealerUser = new Api(port).as(user, "secret-123");
		assertThat(dealerUser.get("/vehicles/" + vin + "/sanbao").status()).isEqualTo(404);
		assertThat(dealerUser.post("/repair-orders", List.of()).status()).isEqualTo(403);
	}
}
