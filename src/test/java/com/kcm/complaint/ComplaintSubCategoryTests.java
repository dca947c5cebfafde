package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * SPEC §4.1: a complaint carries an optional sub-category of the classification standard (客户抱怨分类标准), set at
 * dispatch and correctable later with the history kept; it must belong to the complaint's category.
 */
@KcmTest
class ComplaintSubCategoryTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	Api admin() {
		return new Api(port).as("admin", "admin-test-pass");
	}

	String dealer() {
		Api admin = admin();
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		assertThat(admin.post("/regions", Map.of("code", region, "name", "子分类大区")).status()).isEqualTo(201);
		String dealer = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "子分类服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
		return dealer;
	}

	long complaint() {
		Api agent = new Api(port).as(Api.createUser(port, "sca", "CS_AGENT", null), "secret-123");
		String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		Api.Answer created = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"description", "发动机抖动", "customer", Map.of("name", "赵先生", "phone", phone)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	Api specialist() {
		return new Api(port).as(Api.createUser(port, "scs", "AFTER_SALES", null), "secret-123");
	}

	static Map<String, Object> body(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	@Test
	void theSubCategoryChosenAtDispatchIsKeptAndACorrectionIsRecordedInTheTimeline() {
		String dealer = dealer();
		long id = complaint();
		Api specialist = specialist();
		Api.Answer wo = specialist.post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer, "category", "PRODUCT_QUALITY", "subCategory", "PQ_ENGINE"));
		assertThat(wo.status()).as(wo.body()).isEqualTo(200);
		assertThat(specialist.get("/complaints/" + id).json().get("subCategory").asString()).isEqualTo("PQ_ENGINE");

		Api.Answer corrected = specialist.post("/complaints/" + id + "/category",
				body("category", "PRODUCT_QUALITY", "subCategory", "PQ_NOISE", "reason", "实为异响"));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("category").asString()).isEqualTo("PRODUCT_QUALITY");
		assertThat(corrected.json().get("subCategory").asString()).isEqualTo("PQ_NOISE");
		assertThat(jdbc.sql("select detail from complaint_event where complaint_id = :id and type = 'CATEGORY_CORRECTED'")
				.param("id", id).query(String.class).list())
				.containsExactly("PRODUCT_QUALITY/PQ_ENGINE → PRODUCT_QUALITY/PQ_NOISE：实为异响");

		Api.Answer again = specialist.post("/complaints/" + id + "/category",
				body("category", "SERVICE_PROCESS", "reason", "服务问题"));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("subCategory").isNull()).isTrue();
	}

	@Test
	void withoutASubCategoryDispatchWorksAsBefore() {
		long id = complaint();
		Api.Answer wo = specialist().post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer(), "category", "SERVICE_PROCESS"));
		assertThat(wo.status()).as(wo.body()).isEqualTo(200);
		assertThat(admin().get("/complaints/" + id).json().get("subCategory").isNull()).isTrue();
	}

	@Test
	void aSubCategoryOfAnotherCategoryOrUnknownIsRefusedNamingSubCategoryAndNothingIsWritten() {
		String dealer = dealer();
		long id = complaint();
		Api specialist = specialist();
		Api.Answer wrong = specialist.post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer, "category", "SERVICE_PROCESS", "subCategory", "PQ_ENGINE"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("subCategory");
		assertThat(specialist.get("/complaints/" + id).json().get("status").asString()).isEqualTo("REGISTERED");
		Api.Answer unknown = specialist.post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer, "category", "PRODUCT_QUALITY", "subCategory", "NO_SUCH_THING"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("subCategory");

		assertThat(specialist.post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer, "category", "PRODUCT_QUALITY", "subCategory", "PQ_BRAKES")).status())
				.isEqualTo(200);
		Api.Answer badCorrection = specialist.post("/complaints/" + id + "/category",
				body("category", "PARTS_SUPPLY", "subCategory", "PQ_BRAKES", "reason", "x"));
		assertThat(badCorrection.status()).isEqualTo(422);
		assertThat(badCorrection.json().get("errors").get(0).get("field").asString()).isEqualTo("subCategory");
		Map<String, Object> after = Map.of("category", "PRODUCT_QUALITY", "subCategory", "PQ_BRAKES");
		var view = specialist.get("/complaints/" + id).json();
		assertThat(Map.of("category", view.get("category").asString(), "subCategory", view.get("subCategory").asString()))
				.isEqualTo(after);
	}

	@Test
	void anUnknownCategoryIsRefusedNamingTheFieldABlankOneIsMissingAndCaseIsIgnored() {
		String dealer = dealer();
		long id = complaint();
		Api specialist = specialist();
		Api.Answer unknown = specialist.post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer, "category", "WEATHER"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
		assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("WEATHER", "PRODUCT_QUALITY");
		Api.Answer blank = specialist.post("/complaints/" + id + "/dispatch", body("dealerCode", dealer, "category", ""));
		Api.Answer missing = specialist.post("/complaints/" + id + "/dispatch", body("dealerCode", dealer));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.json().get("errors").toString()).isEqualTo(missing.json().get("errors").toString())
				.isEqualTo("[{\"field\":\"category\",\"message\":\"必填\"}]");
		Api.Answer unknownSub = admin().post("/complaint-sub-categories",
				body("code", "PQ_X", "category", "WEATHER", "nameZh", "x"));
		assertThat(unknownSub.status()).isEqualTo(422);
		assertThat(unknownSub.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
		assertThat(specialist.get("/complaints/" + id).json().get("status").asString()).isEqualTo("REGISTERED");
		assertThat(specialist.post("/complaints/" + id + "/dispatch",
				body("dealerCode", dealer, "category", "product_quality")).status()).isEqualTo(200);
	}

	@Test
	void aDeactivatedSubCategoryCannotBeChosenButStaysOnItsComplaints() {
		String code = "PQ_T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
		Api.Answer added = admin().post("/complaint-sub-categories",
				body("code", code, "category", "PRODUCT_QUALITY", "nameZh", "测试子类", "nameEn", "Test"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(admin().get("/complaint-sub-categories").json().findValuesAsString("code")).contains(code);
		String dealer = dealer();
		long kept = complaint();
		Api specialist = specialist();
		assertThat(specialist.post("/complaints/" + kept + "/dispatch",
				body("dealerCode", dealer, "category", "PRODUCT_QUALITY", "subCategory", code)).status()).isEqualTo(200);

		Api.Answer off = admin().post("/complaint-sub-categories/" + code + "/deactivate", Map.of());
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(off.json().get("active").asBoolean()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'complaint_sub_category' and entity_id = :c")
				.param("c", code).query(Long.class).single()).isEqualTo(2);

		long fresh = complaint();
		Api.Answer refused = specialist.post("/complaints/" + fresh + "/dispatch",
				body("dealerCode", dealer, "category", "PRODUCT_QUALITY", "subCategory", code));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("subCategory");
		assertThat(specialist.get("/complaints/" + kept).json().get("subCategory").asString()).isEqualTo(code);
	}

	@Test
	void onlyAdministratorsChangeTheStandardAndADuplicateCodeIsRefused() {
		assertThat(specialist().post("/complaint-sub-categories",
				body("code", "PQ_X", "category", "PRODUCT_QUALITY", "nameZh", "x")).status()).isEqualTo(403);
		Api.Answer dup = admin().post("/complaint-sub-categories",
				body("code", "PQ_ENGINE", "category", "PRODUCT_QUALITY", "nameZh", "发动机"));
		assertThat(dup.status()).isEqualTo(422);
		assertThat(dup.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
		List<String> seeded = specialist().get("/complaint-sub-categories?category=SERVICE_PROCESS").json()
				.findValuesAsString("code");
		assertThat(seeded).contains("SP_ATTITUDE", "SP_REPAIR_TIME", "SP_CHARGES").doesNotContain("PQ_ENGINE");
	}

	@Test
	void theAdministratorAddsAndDeactivatesOnThePageAndTheComplaintPageOffersAndShowsTheSubCategory() throws Exception {
		var admin = user(userDetails.loadUserByUsername("admin"));
		String list = mvc.perform(get("/admin/complaint-sub-categories").with(admin)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("data-code=\"PQ_ENGINE\"").contains("发动机").contains("服务态度");
		String code = "SP_P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		mvc.perform(post("/admin/complaint-sub-categories").with(admin).with(csrf()).param("code", code)
				.param("category", "SERVICE_PROCESS").param("nameZh", "等待时间长").param("nameEn", "Long wait"))
				.andExpect(status().is3xxRedirection());
		String refused = mvc.perform(post("/admin/complaint-sub-categories").with(admin).with(csrf()).param("code", code)
				.param("category", "SERVICE_PROCESS").param("nameZh", "重复")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"form-errors\"").contains("代码 " + code + " 已存在");
		assertThat(admin().get("/complaint-sub-categories?category=SERVICE_PROCESS").json().findValuesAsString("code"))
				.contains(code);

		long id = complaint();
		String specialistName = Api.createUser(port, "scp", "AFTER_SALES", null);
		var specialist = user(userDetails.loadUserByUsername(specialistName));
		String detail = mvc.perform(get("/complaints/" + id).with(specialist)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("id=\"dispatch-sub-category\"").contains("value=\"" + code + "\"");
		mvc.perform(post("/complaints/" + id + "/dispatch").with(specialist).with(csrf()).param("dealerCode", dealer())
				.param("category", "SERVICE_PROCESS").param("subCategory", code)).andExpect(status().is3xxRedirection());
		String dispatched = mvc.perform(get("/complaints/" + id).with(specialist)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(dispatched).contains("id=\"complaint-sub-category\">等待时间长<");

		mvc.perform(post("/admin/complaint-sub-categories/" + code + "/active").with(admin).with(csrf())
				.param("active", "false")).andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/admin/complaint-sub-categories").with(admin)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8)).contains("data-code=\"" + code + "\" class=\"text-muted\"");
		String stillShown = mvc.perform(get("/complaints/" + id).with(specialist)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(stillShown).contains("id=\"complaint-sub-category\">等待时间长<")
				.doesNotContain("value=\"" + code + "\"");
	}
}
