package com.kcm.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SPEC §7.7 trends and Pareto from complaint histories, as the analysis page's data and drill-down show them. */
@KcmTest
class QualityAnalysisTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	static Map<String, Object> history(String externalId, String dealer, String category, String cause, List<String> parts) {
		String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(Map.of("type", "REGISTERED", "at", "2026-10-05T09:00:00+08:00"));
		events.add(Map.of("type", "DISPATCHED", "at", "2026-10-05T10:00:00+08:00", "dealerCode", dealer));
		events.add(Map.of("type", "CONFIRMED", "at", "2026-10-05T11:00:00+08:00"));
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("type", "REPLIED");
		reply.put("at", "2026-10-06T10:00:00+08:00");
		reply.put("contactedCustomerAt", "2026-10-05T12:00:00+08:00");
		reply.put("final", true);
		reply.put("text", "已处理");
		if (cause != null) {
			reply.put("faultCause", cause);
			reply.put("qualityDefect", true);
			reply.put("partsReplaced", parts);
		}
		events.add(reply);
		Map<String, Object> h = new LinkedHashMap<>();
		h.put("externalId", externalId);
		h.put("kind", "COMPLAINT");
		h.put("channel", "HOTLINE_400");
		h.put("category", category);
		h.put("major", false);
		h.put("description", "质量分析测试");
		h.put("customer", Map.of("name", "分析客户", "phone", phone));
		h.put("events", events);
		return h;
	}

	JsonNode json(String path) throws Exception {
		String body = mvc.perform(get(path).with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(body);
	}

	@Test
	void trendsCountComplaintsPerMonthAndParetoCountsFinalRepliesWithTheirComplaintsBehindEveryBar() throws Exception {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String region = RepairOrderApiTests.code("R");
		assertThat(admin.post("/regions", Map.of("code", region, "name", "分析大区")).status()).isEqualTo(201);
		String dealer = RepairOrderApiTests.code("A");
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "分析服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String cause = "喷油器堵塞-" + tag;
		String p1 = "INJ-" + tag;
		String p2 = "SEAL-" + tag;
		Api.Answer imported = admin.post("/imports/complaint-history", List.of(
				history("QA1-" + tag, dealer, "PRODUCT_QUALITY", cause, List.of(p1, p2)),
				history("QA2-" + tag, dealer, "PRODUCT_QUALITY", cause, List.of(p1)),
				history("QA3-" + tag, dealer, "SERVICE_PROCESS", null, null)));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long first = admin.get("/complaints?externalId=QA1-" + tag).json().get(0).get("id").asLong();
		long second = admin.get("/complaints?externalId=QA2-" + tag).json().get(0).get("id").asLong();

		JsonNode byDealer = json("/quality/analysis/data/trend?dimension=DEALER&to=2026-10");
		assertThat(byDealer.get("months").get(11).asString()).isEqualTo("2026-10");
		JsonNode series = null;
		for (JsonNode s : byDealer.get("series")) {
			if (s.get("key").asString().equals(dealer)) {
				series = s;
			}
		}
		assertThat(series).isNotNull();
		assertThat(series.get("counts").get(11).asLong()).isEqualTo(3);
		assertThat(series.get("counts").get(10).asLong()).isZero();
		JsonNode byRegion = json("/quality/analysis/data/trend?dimension=REGION&to=2026-10");
		assertThat(byRegion.get("series").findValuesAsString("key")).contains(region);

		JsonNode causes = json("/quality/analysis/data/pareto?by=cause&to=2026-10");
		long causeCount = 0;
		double previous = 0;
		for (JsonNode b : causes) {
			assertThat(b.get("cumulative").asDouble()).isGreaterThanOrEqualTo(previous);
			previous = b.get("cumulative").asDouble();
			if (b.get("key").asString().equals(cause)) {
				causeCount = b.get("count").asLong();
			}
		}
		assertThat(causeCount).isEqualTo(2);
		assertThat(previous).isEqualTo(1.0);
		Map<String, Long> parts = new LinkedHashMap<>();
		json("/quality/analysis/data/pareto?by=part&to=2026-10").forEach(b -> parts.put(b.get("key").asString(),
				b.get("count").asLong()));
		assertThat(parts).containsEntry(p1, 2L).containsEntry(p2, 1L);

		String drill = mvc.perform(get("/quality/analysis/complaints").param("by", "part").param("key", p1)
				.param("to", "2026-10").with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(drill).contains("data-complaint-id=\"" + first + "\"").contains("data-complaint-id=\"" + second + "\"");
		String byMonth = mvc.perform(get("/quality/analysis/complaints").param("dimension", "DEALER").param("key", dealer)
				.param("month", "2026-10").with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(byMonth).contains("data-complaint-id=\"" + first + "\"");
		byte[] xlsx = mvc.perform(get("/quality/analysis/export").param("what", "part").param("to", "2026-10")
				.with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		String page = mvc.perform(get("/quality/analysis").with(user(userDetails.loadUserByUsername("admin"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"chart-trend\"").contains("quality-analysis.js");
	}

	@Test
	void theSubCategoryTrendCountsDispatchedComplaintsWithItsComplaintsBehindTheBarAndAnXlsx() throws Exception {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String region = RepairOrderApiTests.code("R");
		assertThat(admin.post("/regions", Map.of("code", region, "name", "子分类大区")).status()).isEqualTo(201);
		String dealer = RepairOrderApiTests.code("B");
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "子分类服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
		String sub = "PQ_Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		assertThat(admin.post("/complaint-sub-categories", Map.of("code", sub, "category", "PRODUCT_QUALITY", "nameZh",
				"天窗异响", "nameEn", "Sunroof noise")).status()).isEqualTo(201);
		Api agent = new Api(port).as(Api.createUser(port, "qa", "CS_AGENT", null), "secret-123");
		Api specialist = new Api(port).as(Api.createUser(port, "qs", "AFTER_SALES", null), "secret-123");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			Api.Answer c = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
					"description", "天窗异响", "customer", Map.of("name", "钱女士", "phone", phone)));
			assertThat(c.status()).as(c.body()).isEqualTo(201);
			long id = c.json().get("id").asLong();
			Map<String, Object> d = new LinkedHashMap<>(Map.of("dealerCode", dealer, "category", "PRODUCT_QUALITY"));
			if (i < 2) {
				d.put("subCategory", sub);
				ids.add(id);
			}
			assertThat(specialist.post("/complaints/" + id + "/dispatch", d).status()).isEqualTo(200);
		}

		JsonNode trend = json("/quality/analysis/data/trend?dimension=SUB_CATEGORY");
		String month = trend.get("months").get(11).asString();
		JsonNode series = null;
		for (JsonNode s : trend.get("series")) {
			if (s.get("key").asString().equals(sub)) {
				series = s;
			}
		}
		assertThat(series).isNotNull();
		assertThat(series.get("label").asString()).isEqualTo("产品质量 / 天窗异响");
		assertThat(series.get("counts").get(11).asLong()).isEqualTo(2);
		assertThat(series.get("counts").get(10).asLong()).isZero();

		String drill = mvc.perform(get("/quality/analysis/complaints").param("dimension", "SUB_CATEGORY").param("key", sub)
				.param("month", month).with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(drill).contains("data-complaint-id=\"" + ids.get(0) + "\"")
				.contains("data-complaint-id=\"" + ids.get(1) + "\"");
		byte[] xlsx = mvc.perform(get("/quality/analysis/export").param("what", "trend").param("dimension", "SUB_CATEGORY")
				.with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		String page = mvc.perform(get("/quality/analysis").param("dimension", "SUB_CATEGORY")
				.with(user(userDetails.loadUserByUsername("admin")))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("value=\"SUB_CATEGORY\" selected");
	}
}
