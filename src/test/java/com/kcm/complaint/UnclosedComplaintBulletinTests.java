package com.kcm.complaint;

import static com.kcm.complaint.ClosureFixtures.dispatch;
import static com.kcm.complaint.ClosureFixtures.phone;
import static com.kcm.complaint.ClosureFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** Customer service's bulletin of unclosed complaints: open ones only, aged, filtered, exported without phones. */
@KcmTest
class UnclosedComplaintBulletinTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	String region;
	String dealerA;
	String dealerB;
	String agentName;
	Api agent;
	Api specialist;
	Api dealerUser;
	List<String> phones = new ArrayList<>();

	long old;
	long recent;
	long closed;

	@BeforeEach
	void complaints() {
		String[] net = ClosureFixtures.network(network);
		region = net[0];
		dealerA = net[1];
		dealerB = net[2];
		agentName = ClosureFixtures.newUser(port, "CS_AGENT", null);
		agent = new Api(port).as(agentName, "secret-123");
		specialist = ClosureFixtures.user(port, "AFTER_SALES", null);
		dealerUser = ClosureFixtures.user(port, "DEALER", dealerA);

		at("2026-07-01T10:00:00+08:00");
		old = register(agent, phone("old"), "老客户");
		dispatch(specialist, old, dealerA);

		at("2026-09-20T10:00:00+08:00");
		recent = register(agent, phone("recent"), "新客户");
		dispatch(specialist, recent, dealerB);
		closed = register(agent, phone("closed"), "已关闭客户");
		long wo = dispatch(specialist, closed, dealerA);
		at("2026-09-20T15:00:00+08:00");
		assertThat(dealerUser.post("/complaints/" + closed + "/work-orders/" + wo + "/replies",
				Map.of("final", true, "text", "已处理")).status()).isEqualTo(201);
		specialist.post("/complaints/" + closed + "/closure-request", Map.of());
		assertThat(agent.post("/complaints/" + closed + "/callbacks",
				Map.of("reached", true, "resolved", true, "satisfied", true, "falseReply", false)).json().get("status")
				.asString()).isEqualTo("CLOSED");

		at("2026-10-05T10:00:00+08:00");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void at(String iso) {
		clock.set(OffsetDateTime.parse(iso).toInstant());
	}

	String phone(String what) {
		String p = ClosureFixtures.phone();
		phones.add(p);
		return p;
	}

	JsonNode bulletin(String query) {
		Api.Answer a = agent.get("/unclosed-complaints?" + query);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		return a.json();
	}

	static List<Long> ids(JsonNode page) {
		List<Long> out = new ArrayList<>();
		page.get("items").forEach(i -> out.add(i.get("id").asLong()));
		return out;
	}

	@Test
	void theBulletinListsOnlyOpenComplaintsOldestFirstWithTheirAge() {
		JsonNode page = bulletin("regionCode=" + region);
		assertThat(ids(page)).containsExactly(old, recent);
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("ageDays").asLong()).isEqualTo(96);
		assertThat(first.get("escalated").asBoolean()).isTrue();
		assertThat(first.get("responsibleDealer").asString()).startsWith(dealerA);
		assertThat(first.get("firstDispatchedOn").asString()).isEqualTo("2026-07-01");
		JsonNode second = page.get("items").get(1);
		assertThat(second.get("ageDays").asLong()).isEqualTo(15);
		assertThat(second.get("escalated").asBoolean()).isFalse();
		assertThat(page.toString()).doesNotContain(phones.get(0)).doesNotContain("****");
	}

	@Test
	void theFiltersNarrowByDealerEscalationAndAge() {
		assertThat(ids(bulletin("dealerCode=" + dealerB))).containsExactly(recent);
		assertThat(ids(bulletin("regionCode=" + region + "&escalated=true"))).containsExactly(old);
		assertThat(ids(bulletin("regionCode=" + region + "&olderThanDays=15"))).containsExactly(old);
		assertThat(ids(bulletin("regionCode=" + region + "&olderThanDays=14"))).containsExactly(old, recent);
		assertThat(ids(bulletin("regionCode=" + region + "&size=1&page=1"))).containsExactly(recent);
	}

	@Test
	void theExportIsTitledWithTheDateAndHoldsNoPhoneNumber() {
		byte[] xlsx = ClosureFixtures.download(port, agentName, "/unclosed-complaints/export?regionCode=" + region);
		List<List<String>> rows = ClosureFixtures.rows(xlsx);
		assertThat(rows.get(0).get(0)).isEqualTo("未闭环抱怨通报 2026-10-05");
		assertThat(rows).hasSize(4);
		assertThat(rows.get(2).get(0)).isEqualTo(String.valueOf(old));
		assertThat(rows.get(3).get(0)).isEqualTo(String.valueOf(recent));
		for (List<String> row : rows) {
			for (String cell : row) {
				assertThat(cell).doesNotContainPattern("1\\d{10}").doesNotContain("****");
			}
		}
	}

	@Test
	void dealersMayNotReadTheBulletin() {
		assertThat(dealerUser.get("/unclosed-complaints").status()).isEqualTo(403);
	}

	@Test
	void thePageShowsTheBulletinToCustomerService() throws Exception {
		String html = mvc.perform(get("/complaints/unclosed").param("region", region)
				.with(user(users.loadUserByUsername(agentName)))).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("未闭环抱怨通报", "#" + old, "#" + recent, "已立项").doesNotContain("#" + closed + "<");
	}
}
