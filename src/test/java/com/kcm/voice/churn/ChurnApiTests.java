package com.kcm.voice.churn;

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

/**
 * Appendix A.4 through HTTP on a hand-computed example. As of 2026-06-30 with 12 months the boundary date is
 * 2025-06-30 (Beijing time): an order opened that day at 00:30 keeps the customer, one opened the day before at
 * 23:30 does not.
 *
 * <pre>
 * customer  orders (dealer, number, opened, +08:00)                     latest (as of 06-30)  12 months
 * c1        A 2025-06-30 00:30                                            A                     kept (on the boundary)
 * c2        B 2025-06-29 23:30                                            B                     churned
 * c3        A 2024-01-10 (vehicle 1), B 2025-01-05 (vehicle 2)            B                     churned
 * c4        B 2025-12-01, A 2026-06-30 23:00                              A                     kept
 * c5        A 2026-07-01 00:10 (after the date)                           —                     not counted
 * c6        no orders                                                     —                     not counted
 * c7        A -2 and B -9 both 2024-03-01 10:00 (tie: larger number)      B                     churned
 * c8        B 2022-02-02, A 2023-05-05                                    A                     churned
 * c9        A 2026-02-28 09:00                                            A                     kept
 * </pre>
 *
 * A: c1 c4 c8 c9 = base 4, churned 1, 0.25; B: c2 c3 c7 = 3, 3, 1; total 7, 4, 4/7 = 0.5714.
 */
@KcmTest
class ChurnApiTests {

	static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

	Api admin;
	String region;
	String a;
	String b;
	String ro;
	Api regional;
	final Map<String, Long> customers = new LinkedHashMap<>();

	@BeforeEach
	void example() {
		admin = new Api(port).as("admin", "admin-test-pass");
		String prefix = "C" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
		region = "R" + prefix;
		assertThat(admin.post("/regions", Map.of("code", region, "name", "流失大区")).status()).isEqualTo(201);
		a = dealer(prefix + "A");
		b = dealer(prefix + "B");
		ro = prefix;
		List<Map<String, Object>> orders = new ArrayList<>();
		orders.add(order(vehicle("c1"), a, "1", "2025-06-30T00:30:00+08:00"));
		orders.add(order(vehicle("c2"), b, "2", "2025-06-29T23:30:00+08:00"));
		orders.add(order(vehicle("c3"), a, "3a", "2024-01-10T09:00:00+08:00"));
		orders.add(order(vehicle("c3"), b, "3b", "2025-01-05T09:00:00+08:00"));
		String v4 = vehicle("c4");
		orders.add(order(v4, b, "4a", "2025-12-01T09:00:00+08:00"));
		orders.add(order(v4, a, "4b", "2026-06-30T23:00:00+08:00"));
		orders.add(order(vehicle("c5"), a, "5", "2026-07-01T00:10:00+08:00"));
		customer("c6");
		String v7 = vehicle("c7");
		orders.add(order(v7, a, "-2", "2024-03-01T10:00:00+08:00"));
		orders.add(order(v7, b, "-9", "2024-03-01T10:00:00+08:00"));
		String v8 = vehicle("c8");
		orders.add(order(v8, b, "8a", "2022-02-02T09:00:00+08:00"));
		orders.add(order(v8, a, "8b", "2023-05-05T09:00:00+08:00"));
		orders.add(order(vehicle("c9"), a, "9", "2026-02-28T09:00:00+08:00"));
		Api.Answer imported = admin.post("/repair-orders", orders);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		regional = user("REGIONAL", null, region);
	}

	String dealer(String code) {
		Api.Answer r = admin.post("/dealers", Map.of("code", code, "name", "流失测试服务商" + code.charAt(code.length() - 1),
				"type", "4S", "regionCode", region, "status", "ACTIVE", "acceptedOn", "2020-01-01"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return code;
	}

	long customer(String key) {
		return customers.computeIfAbsent(key, k -> {
			String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			Api.Answer c = admin.post("/customers", Map.of("name", "流失客户" + k, "kind", "INDIVIDUAL", "phone", phone));
			assertThat(c.status()).as(c.body()).isEqualTo(201);
			return c.json().get("id").asLong();
		});
	}

	String vehicle(String customerKey) {
		StringBuilder vin = new StringBuilder("LCH");
		ThreadLocalRandom r = ThreadLocalRandom.current();
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
		}
		Api.Answer v = admin.post("/vehicles", Map.of("vin", vin.toString(), "purchaseDate", "2021-01-01", "model",
				"KCM S" + customerKey.substring(1), "ownerId", customer(customerKey)));
		assertThat(v.status()).as(v.body()).isEqualTo(201);
		return vin.toString();
	}

	Map<String, Object> order(String vin, String dealer, String no, String openedAt) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("vin", vin);
		m.put("dealerCode", dealer);
		m.put("repairOrderNo", ro + no);
		m.put("openedAt", openedAt);
		m.put("mileageKm", 30_000);
		m.put("system", "OTHER");
		m.put("faultCode", "MAINT");
		m.put("qualityProblem", false);
		m.put("seriousSafetyFault", false);
		m.put("replaced", List.of());
		return m;
	}

	Api user(String role, String dealerCode, String regionCode) {
		String name = "ch" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", name, "password", "secret-123", "displayName",
				"流失测试", "roles", List.of(role)));
		if (dealerCode != null) {
			body.put("dealerCode", dealerCode);
		}
		if (regionCode != null) {
			body.put("regionCode", regionCode);
		}
		assertThat(admin.post("/users", body).status()).isEqualTo(201);
		return new Api(port).as(name, "secret-123");
	}

	static JsonNode ok(Api.Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	static Map<String, Object> row(JsonNode d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dealerCode", d.get("dealerCode").asString());
		m.put("base", d.get("base").asLong());
		m.put("churned", d.get("churned").asLong());
		m.put("rate", d.get("rate").isNull() ? null : d.get("rate").decimalValue().stripTrailingZeros().toPlainString());
		return m;
	}

	@Test
	void churnAsOfADateCountsExactlyAsAppendixA4() {
		JsonNode r = ok(regional.get("/churn?asOf=2026-06-30&months=12"));
		assertThat(r.get("asOf").asString()).isEqualTo("2026-06-30");
		assertThat(r.get("months").asInt()).isEqualTo(12);
		assertThat(r.get("base").asLong()).isEqualTo(7);
		assertThat(r.get("churned").asLong()).isEqualTo(4);
		assertThat(r.get("rate").decimalValue()).isEqualByComparingTo("0.5714");
		assertThat(r.get("byDealer").valueStream().map(ChurnApiTests::row).toList()).containsExactly(
				Map.of("dealerCode", a, "base", 4L, "churned", 1L, "rate", "0.25"),
				Map.of("dealerCode", b, "base", 3L, "churned", 3L, "rate", "1"));
		assertThat(r.get("rate").toString()).as("4 places").isEqualTo("0.5714");

		JsonNode byDefault = ok(regional.get("/churn?asOf=2026-06-30"));
		assertThat(byDefault.get("months").asInt()).as("the policy's 12").isEqualTo(12);
		assertThat(byDefault.get("churned").asLong()).isEqualTo(4);

		JsonNode everyone = ok(admin.get("/churn?asOf=2026-06-30&months=12"));
		List<String> codes = everyone.get("byDealer").valueStream().map(d -> d.get("dealerCode").asString()).toList();
		assertThat(codes).as("dealers in code order").isSorted();
		assertThat(everyone.get("byDealer").valueStream().filter(d -> d.get("dealerCode").asString().startsWith(ro))
				.map(ChurnApiTests::row).toList()).containsExactly(
						Map.of("dealerCode", a, "base", 4L, "churned", 1L, "rate", "0.25"),
						Map.of("dealerCode", b, "base", 3L, "churned", 3L, "rate", "1"));
	}

	@Test
	void monthsAreSubtractedAsJavaTimeDoesAndAnOrderOnTheBoundaryDateKeepsTheCustomer() {
		// 2026-03-31 minus 1 month = 2026-02-28: c9 (opened that day) is kept; c4's latest is then B 2025-12-01.
		JsonNode r = ok(regional.get("/churn?asOf=2026-03-31&months=1"));
		assertThat(r.get("base").asLong()).isEqualTo(7);
		assertThat(r.get("churned").asLong()).isEqualTo(6);
		assertThat(r.get("rate").decimalValue()).isEqualByComparingTo("0.8571");
		assertThat(r.get("byDealer").valueStream().map(ChurnApiTests::row).toList()).containsExactly(
				Map.of("dealerCode", a, "base", 3L, "churned", 2L, "rate", "0.6667"),
				Map.of("dealerCode", b, "base", 4L, "churned", 4L, "rate", "1"));
		JsonNode oneMonth = ok(regional.get("/churn?asOf=2026-06-30&months=1"));
		assertThat(oneMonth.get("churned").asLong()).as("only c4 was seen since 2026-05-30").isEqualTo(6);
	}

	@Test
	void noBaseGivesANullRateAndNoDealers() {
		JsonNode r = ok(regional.get("/churn?asOf=2020-01-01&months=12"));
		assertThat(r.get("base").asLong()).isZero();
		assertThat(r.get("churned").asLong()).isZero();
		assertThat(r.get("rate").isNull()).isTrue();
		assertThat(r.get("byDealer").size()).isZero();
	}

	@Test
	void badParametersAre422NamingTheField() {
		for (String q : List.of("asOf=2026-13-01", "asOf=yesterday")) {
			Api.Answer r = regional.get("/churn?" + q);
			assertThat(r.status()).isEqualTo(422);
			assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("asOf");
		}
		for (String q : List.of("months=0", "months=-3", "months=abc", "months=121")) {
			Api.Answer r = regional.get("/churn?asOf=2026-06-30&" + q);
			assertThat(r.status()).as(q).isEqualTo(422);
			assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("months");
		}
		assertThat(new Api(port).get("/churn").status()).isEqualTo(401);
		assertThat(user("CS_AGENT", null, null).get("/churn").status()).isEqualTo(403);
	}

	@Test
	void aDealerUserSeesOnlyTheCustomersWhoseLatestOrderIsItsOwn() {
		JsonNode r = ok(user("DEALER", a, null).get("/churn?asOf=2026-06-30&months=12"));
		assertThat(r.get("base").asLong()).isEqualTo(4);
		assertThat(r.get("churned").asLong()).isEqualTo(1);
		assertThat(r.get("byDealer").valueStream().map(ChurnApiTests::row).toList())
				.containsExactly(Map.of("dealerCode", a, "base", 4L, "churned", 1L, "rate", "0.25"));
	}

	@Test
	void theSplitsTrendAndChurnedListAgreeWithTheFigures() {
		JsonNode s = ok(regional.get("/churn/splits?asOf=2026-06-30&months=12"));
		assertThat(s.get("byRegion").size()).isEqualTo(1);
		assertThat(s.get("byRegion").get(0).get("regionCode").asString()).isEqualTo(region);
		assertThat(s.get("byRegion").get(0).get("churned").asLong()).isEqualTo(4);
		// by the model of the vehicle of the latest order: c4's and c9's vehicles are kept
		Map<String, Long> churnedByModel = new LinkedHashMap<>();
		s.get("byModel").valueStream().forEach(m -> churnedByModel.put(m.get("model").asString(), m.get("churned").asLong()));
		assertThat(churnedByModel).containsEntry("KCM S1", 0L).containsEntry("KCM S2", 1L).containsEntry("KCM S3", 1L)
				.containsEntry("KCM S4", 0L).containsEntry("KCM S7", 1L).containsEntry("KCM S8", 1L)
				.containsEntry("KCM S9", 0L).doesNotContainKey("KCM S5");

		JsonNode trend = ok(regional.get("/churn/trend?asOf=2026-06-30&months=12"));
		assertThat(trend.size()).isEqualTo(12);
		assertThat(trend.get(11).get("month").asString()).isEqualTo("2026-06");
		assertThat(trend.get(11).get("churned").asLong()).as("the last point is the figure as of the date").isEqualTo(4);
		assertThat(trend.get(11).get("base").asLong()).isEqualTo(7);
		assertThat(trend.get(8).get("month").asString()).isEqualTo("2026-03");
		JsonNode march = ok(regional.get("/churn?asOf=2026-03-31&months=12"));
		assertThat(trend.get(8).get("base").asLong()).isEqualTo(march.get("base").asLong());
		assertThat(trend.get(8).get("churned").asLong()).isEqualTo(march.get("churned").asLong());

		JsonNode list = ok(regional.get("/churn/customers?asOf=2026-06-30&months=12&size=3"));
		assertThat(list.get("total").asLong()).isEqualTo(4);
		assertThat(list.get("items").valueStream().map(i -> i.get("customerId").asLong()).toList())
				.as("the most recently seen first").containsExactly(customers.get("c2"), customers.get("c3"), customers.get("c7"));
		JsonNode first = list.get("items").get(0);
		assertThat(first.get("dealerCode").asString()).isEqualTo(b);
		assertThat(first.get("phone").asString()).as("masked").matches("139\\*{4}\\d{4}");
		assertThat(first.get("lastVisit").asString()).isEqualTo("2025-06-29T23:30:00+08:00");
		assertThat(ok(regional.get("/churn/customers?asOf=2026-06-30&months=12&size=3&page=1")).get("items").get(0)
				.get("customerId").asLong()).isEqualTo(customers.get("c8"));
		assertThat(regional.get("/churn/customers?size=0").status()).isEqualTo(422);
	}

	@Test
	void retentionCallsAreRecordedForTheLastDealerAndSummarisedByReason() {
		long c2 = customers.get("c2");
		Api.Answer noText = admin.post("/churn/retention-calls", Map.of("customerId", c2, "reason", "OTHER", "outcome", "LOST"));
		assertThat(noText.status()).isEqualTo(422);
		assertThat(noText.json().get("errors").findValuesAsString("field")).containsExactly("reasonText");
		Api.Answer unknown = admin.post("/churn/retention-calls", Map.of("customerId", c2, "reason", "WEATHER", "outcome", "MAYBE"));
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("reason", "outcome");

		assertThat(user("DEALER", a, null).post("/churn/retention-calls",
				Map.of("customerId", c2, "reason", "MOVED", "outcome", "LOST")).status())
				.as("c2's last dealer is B").isEqualTo(404);
		Api dealerB = user("DEALER", b, null);
		assertThat(dealerB.post("/churn/retention-calls", Map.of("customerId", c2, "reason", "MOVED", "outcome", "LOST"))
				.status()).isEqualTo(201);
		assertThat(dealerB.post("/churn/retention-calls", Map.of("customerId", customers.get("c3"), "reason", "OTHER",
				"reasonText", "换了工作单位", "outcome", "CONSIDERING")).status()).isEqualTo(201);
		assertThat(admin.post("/churn/retention-calls", Map.of("customerId", customers.get("c8"), "reason", "PRICE",
				"outcome", "WILL_RETURN")).status()).isEqualTo(201);

		JsonNode reasons = ok(regional.get("/churn/retention-reasons"));
		assertThat(reasons.size()).isEqualTo(2);
		assertThat(reasons.get(0).get("dealerCode").asString()).isEqualTo(a);
		assertThat(reasons.get(0).get("reasons").get("PRICE").asLong()).isEqualTo(1);
		assertThat(reasons.get(1).get("dealerCode").asString()).isEqualTo(b);
		assertThat(reasons.get(1).get("reasons").get("MOVED").asLong()).isEqualTo(1);
		assertThat(reasons.get(1).get("reasons").get("OTHER").asLong()).isEqualTo(1);
		assertThat(reasons.get(1).get("total").asLong()).isEqualTo(2);
		assertThat(reasons.get(1).get("outcomes").get("LOST").asLong()).isEqualTo(1);
		assertThat(ok(dealerB.get("/churn/retention-reasons")).size()).as("its own dealer only").isEqualTo(1);
	}

	String page(String path) throws Exception {
		var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
						userDetails.loadUserByUsername("admin")))).andReturn().getResponse();
		assertThat(r.getStatus()).as(path).isEqualTo(200);
		return r.getContentAsString();
	}

	@Test
	void thePagesShowTheFiguresTheListAndTheCallFormAndTheListExportsAsXlsx() throws Exception {
		String figures = page("/voice/churn?asOf=2026-06-30&months=12");
		assertThat(figures).contains("data-key=\"" + a + "\"").contains("data-key=\"" + region + "\"")
				.contains("churn-trend").doesNotContain("<script>");
		String list = page("/voice/churn/customers?asOf=2026-06-30&months=12&dealerCode=" + b);
		assertThat(list).contains("data-customer-id=\"" + customers.get("c2") + "\"")
				.contains("data-customer-id=\"" + customers.get("c7") + "\"")
				.doesNotContain("data-customer-id=\"" + customers.get("c1") + "\"").contains("139****");
		assertThat(page("/voice/churn/customers/" + customers.get("c2"))).contains("call-form").contains("流失客户c2");
		var xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/voice/churn/customers/export?asOf=2026-06-30&months=12&dealerCode=" + b).with(
						org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
								userDetails.loadUserByUsername("admin")))).andReturn().getResponse();
		assertThat(xlsx.getStatus()).isEqualTo(200);
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("title, header and the 3 churned customers of B").isEqualTo(4);
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).as("masked").matches("139\\*{4}\\d{4}");
		}
		List<String> trend = List.of(page("/voice/churn/data/trend?asOf=2026-06-30&months=12"));
		assertThat(trend.get(0)).contains("\"month\":\"2026-06\"");
	}
}
