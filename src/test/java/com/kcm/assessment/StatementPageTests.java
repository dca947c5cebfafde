package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** The statement pages as each role sees them: lists by role, the pending-penalty warning, English, refusals. */
@KcmTest
class StatementPageTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	UserDetails login(String role, String dealer) {
		return users.loadUserByUsername(Api.createUser(port, "sp", role, dealer));
	}

	String page(String path, UserDetails who) throws Exception {
		return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString();
	}

	@Test
	void eachRoleSeesItsStatementsAndTheActionsItMayTake() throws Exception {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "页面大区"));
		String dealer = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(dealer, "页面服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		Api specialist = new Api(port).as(Api.createUser(port, "sp", "AFTER_SALES", null), "secret-123");
		Api manager = new Api(port).as(Api.createUser(port, "sp", "AFTER_SALES_MANAGER", null), "secret-123");
		clock.set(LocalDateTime.of(2026, 11, 2, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		specialist.post("/assessments/2025-08/compute", Map.of());
		UserDetails specialistUser = login("AFTER_SALES", null);
		UserDetails managerUser = login("AFTER_SALES_MANAGER", null);
		UserDetails financeUser = login("FINANCE", null);
		UserDetails dealerUser = login("DEALER", dealer);

		MvcResult drafted = mvc.perform(post("/statements/drafts").param("month", "2025-08").with(user(specialistUser))
				.with(csrf())).andReturn();
		assertThat(drafted.getResponse().getRedirectedUrl()).isEqualTo("/statements?month=2025-08");
		String list = page("/statements?month=2025-08&dealer=" + dealer, specialistUser);
		assertThat(list).contains("页面服务商", "草稿", "3,000.00", "id=\"create-drafts\"");
		long id = specialist.get("/statements?month=2025-08&dealerCode=" + dealer).json().get("items").get(0).get("id")
				.asLong();

		assertThat(page("/statements?month=2025-08&dealer=" + dealer, financeUser)).as("finance: approved ones only")
				.doesNotContain("页面服务商").doesNotContain("create-drafts");
		assertThat(mvc.perform(get("/statements/" + id).with(user(dealerUser))).andReturn().getResponse().getStatus())
				.isEqualTo(404);
		assertThat(page("/statements/" + id, specialistUser)).contains("id=\"publish\"").doesNotContain("id=\"approve\"");

		mvc.perform(post("/statements/" + id + "/publish").with(user(specialistUser)).with(csrf()));
		String dealerPage = page("/statements/" + id, dealerUser);
		assertThat(dealerPage).contains("已发布", "id=\"appeal-form\"", "申诉截止：2026-11-05 16:30",
				"当月每天均为正式运作，满足").doesNotContain("id=\"publish\"").doesNotContain("id=\"revise-form\"");

		long penalty = specialist.post("/penalties", Map.of("dealerCode", dealer, "month", "2025-08", "amount", 1000,
				"reason", "页面考核")).json().get("id").asLong();
		manager.post("/penalties/" + penalty + "/approve", Map.of());
		String managerPage = page("/statements/" + id, managerUser);
		assertThat(managerPage).contains("id=\"pending-penalties\"", "#" + penalty, "id=\"revise-form\"");

		clock.set(LocalDateTime.of(2026, 11, 6, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		MvcResult refused = mvc.perform(post("/statements/" + id + "/approve").with(user(managerUser)).with(csrf()))
				.andReturn();
		assertThat(String.valueOf(refused.getFlashMap().get("errors"))).contains("考核 #" + penalty);
		MvcResult revised = mvc.perform(post("/statements/" + id + "/revise").param("reason", "计入迟批考核")
				.with(user(managerUser)).with(csrf())).andReturn();
		String next = revised.getResponse().getRedirectedUrl();
		assertThat(next).startsWith("/statements/").isNotEqualTo("/statements/" + id);
		String en = mvc.perform(get(next).param("lang", "en").with(user(managerUser))).andReturn().getResponse()
				.getContentAsString();
		assertThat(en).contains("Revision 2", "Draft", "Penalty #" + penalty + ": 页面考核", "-1,000.00", "2,000.00",
				"Active on every day of the month: met");
		assertThat(mvc.perform(post("/statements/" + id + "/approve").with(user(dealerUser)).with(csrf())).andReturn()
				.getResponse().getStatus()).isEqualTo(403);

		byte[] xlsx = mvc.perform(get("/statements/export").param("month", "2025-08").param("dealer", dealer)
				.param("status", "SUPERSEDED").with(user(specialistUser))).andReturn().getResponse().getContentAsByteArray();
		var rows = com.kcm.shared.io.TabularFile.read("statements.xlsx", new java.io.ByteArrayInputStream(xlsx));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("服务商代码")).isEqualTo(dealer);
		assertThat(rows.get(0).get("状态")).isEqualTo("已被修订替代");
		assertThat(rows.get(0).get("结算金额")).startsWith("3000");
		assertThat(rows.get(0).get("申诉截止")).isEqualTo("2026-11-05 16:30");
	}

	@Test
	void theStatementPagesShowTheMonthsGoodwillForInformationOnly() throws Exception {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "让步大区"));
		String dealer = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(dealer, "让步服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		Api specialist = new Api(port).as(Api.createUser(port, "sp", "AFTER_SALES", null), "secret-123");
		Api dealerApi = new Api(port).as(Api.createUser(port, "sp", "DEALER", dealer), "secret-123");
		clock.set(LocalDateTime.of(2025, 9, 15, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		Api.Answer registered = specialist.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"category", "PRODUCT_QUALITY", "description", "维修后仍有异响",
				"customer", Map.of("name", "钱女士", "phone", "139" + (10000000 + (int) (Math.random() * 89999999)))));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		long complaint = registered.json().get("id").asLong();
		Api.Answer dispatched = specialist.post("/complaints/" + complaint + "/dispatch", Map.of("dealerCode", dealer,
				"category", "PRODUCT_QUALITY", "suggestion", "联系客户"));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		Api.Answer proposed = dealerApi.post("/complaints/" + complaint + "/goodwill", Map.of("what", "免费保养一次",
				"amount", "480.00"));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		long approved = proposed.json().get("id").asLong();
		dealerApi.post("/complaints/" + complaint + "/goodwill", Map.of("what", "代步车两天", "amount", "200.50"));
		assertThat(specialist.post("/goodwill/" + approved + "/approve", "{}").status()).isEqualTo(200);

		clock.set(LocalDateTime.of(2026, 11, 2, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		specialist.post("/assessments/2025-09/compute", Map.of());
		UserDetails specialistUser = login("AFTER_SALES", null);
		mvc.perform(post("/statements/drafts").param("month", "2025-09").with(user(specialistUser)).with(csrf()));
		var item = specialist.get("/statements?month=2025-09&dealerCode=" + dealer).json().get("items").get(0);
		String list = page("/statements?month=2025-09&dealer=" + dealer, specialistUser);
		assertThat(list).contains("让步服务", "480.00");
		String detail = page("/statements/" + item.get("id").asLong(), specialistUser);
		assertThat(detail).contains("已批准 1 项，合计 480.00 元", "待审批 1 项，合计 200.50 元", "仅供参考");
		assertThat(item.get("total").decimalValue()).as("goodwill is information only")
				.isEqualByComparingTo(specialist.get("/statements/" + item.get("id").asLong()).json().get("total")
						.decimalValue());
		String otherMonth = page("/statements?month=2025-08&dealer=" + dealer, specialistUser);
		assertThat(otherMonth).doesNotContain("480.00");
	}
}
