package com.kcm.complaint;

import static com.kcm.complaint.ClosureFixtures.dispatch;
import static com.kcm.complaint.ClosureFixtures.phone;
import static com.kcm.complaint.ClosureFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** The forced-closure page: after-sales nominates and withdraws, the manager approves. */
@KcmTest
class ForcedClosurePageTests {

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

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void afterSalesNominatesOnThePageAndTheManagerApprovesThere() throws Exception {
		YearMonth month = ClosureFixtures.unusedMonth(jdbc);
		clock.set(LocalDateTime.of(month.getYear(), month.getMonth(), 2, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		String dealer = ClosureFixtures.network(network, "1949-10-01")[1];
		Api agent = ClosureFixtures.user(port, "CS_AGENT", null);
		String specialistName = ClosureFixtures.newUser(port, "AFTER_SALES", null);
		Api specialist = new Api(port).as(specialistName, "secret-123");
		UserDetails specialistUser = users.loadUserByUsername(specialistName);
		UserDetails manager = users.loadUserByUsername(ClosureFixtures.newUser(port, "AFTER_SALES_MANAGER", null));
		UserDetails dealerUser = users.loadUserByUsername(ClosureFixtures.newUser(port, "DEALER", dealer));
		long id = register(agent, phone(), "郑女士");
		dispatch(specialist, id, dealer);

		MvcResult nominated = mvc.perform(post("/complaints/forced-closures/nominations").param("complaint", "#" + id)
				.param("reason", "客户索赔金额明显不合理").with(user(specialistUser)).with(csrf())).andReturn();
		assertThat(nominated.getResponse().getRedirectedUrl()).endsWith("month=" + month);
		assertThat(nominated.getFlashMap().get("errors")).isNull();

		String page = mvc.perform(get("/complaints/forced-closures").param("month", month.toString()).with(user(manager)))
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(month.getMonthValue() + " 月份强制关闭抱怨清单", "客户索赔金额明显不合理", "id=\"approve\"");
		String specialistPage = mvc.perform(get("/complaints/forced-closures").param("month", month.toString())
				.with(user(specialistUser))).andReturn().getResponse().getContentAsString();
		assertThat(specialistPage).contains("withdraw-button").doesNotContain("id=\"approve\"");

		assertThat(mvc.perform(get("/complaints/forced-closures").with(user(dealerUser))).andReturn().getResponse()
				.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/complaints/forced-closures/approve").param("month", month.toString())
				.with(user(specialistUser)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);

		clock.set(clock.instant().plusSeconds(3600));
		MvcResult approved = mvc.perform(post("/complaints/forced-closures/approve").param("month", month.toString())
				.with(user(manager)).with(csrf())).andReturn();
		assertThat(approved.getFlashMap().get("errors")).isNull();
		assertThat(specialist.get("/complaints/" + id).json().get("status").asString()).isEqualTo("FORCE_CLOSED");
		String after = mvc.perform(get("/complaints/forced-closures").param("month", month.toString()).with(user(manager)))
				.andReturn().getResponse().getContentAsString();
		assertThat(after).contains("已审批", "已强制关闭").doesNotContain("id=\"approve\"");
	}
}
