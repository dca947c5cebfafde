package com.kcm.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * SPEC §4.1: the reason of a repair request is optional in the API and in history imports (older systems'
 * records often lack it) — stored as unknown and shown as 未填写 — while the agent's intake form asks for it.
 */
@KcmTest
class RepairReasonIsOptionalTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	DealerNetwork network;

	@Autowired
	JdbcClient jdbc;

	String dealer;
	String agent;
	Api agentApi;
	Api specialistApi;

	static String phone() {
		return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	@BeforeEach
	void users() {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "报修大区"));
		dealer = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(dealer, "报修服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		agent = Api.createUser(port, "r", "CS_AGENT", null);
		agentApi = new Api(port).as(agent, "secret-123");
		specialistApi = new Api(port).as(Api.createUser(port, "r", "AFTER_SALES", null), "secret-123");
	}

	MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("secret-123")).andReturn()
				.getRequest().getSession(false);
	}

	@Test
	void aRepairRequestWithoutReasonIsRegisteredThroughTheApiAndShownAsNotGiven() throws Exception {
		Api.Answer a = agentApi.post("/complaints", Map.of("kind", "REPAIR_REQUEST", "channel", "HOTLINE_400",
				"description", "发动机故障灯亮，未说明原因", "customer", Map.of("name", "钱先生", "phone", phone())));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		long id = a.json().get("id").asLong();
		assertThat(jdbc.sql("select repair_reason from complaint where id = ?").param(id).query(String.class).optional())
				.as("stored as unknown").isEmpty();

		String html = mvc.perform(get("/complaints/" + id).session(signIn(agent))).andReturn().getResponse()
				.getContentAsString();
		assertThat(html).contains("id=\"complaint-repair-reason\">未填写<");
	}

	@Test
	void anImportedRepairRequestWithoutReasonIsImportedAndCounted() {
		String externalId = "RR-" + UUID.randomUUID();
		Map<String, Object> history = Map.of("externalId", externalId, "kind", "REPAIR_REQUEST", "channel",
				"HOTLINE_400", "category", "TECHNICAL_CAPABILITY", "customer", Map.of("name", "孙女士", "phone", phone()),
				"events", List.of(Map.of("type", "REGISTERED", "at", "2026-03-02T09:10:00+08:00"),
						Map.of("type", "DISPATCHED", "at", "2026-03-02T10:00:00+08:00", "dealerCode", dealer)));
		Api.Answer imported = specialistApi.post("/imports/complaint-history", List.of(history));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		var found = specialistApi.get("/complaints?externalId=" + externalId).json();
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("kind").asString()).isEqualTo("REPAIR_REQUEST");
		assertThat(found.get(0).get("status").asString()).isEqualTo("DISPATCHED");
	}

	@Test
	void anUnknownReasonIsStillRefusedNamingTheField() {
		Api.Answer a = agentApi.post("/complaints", Map.of("kind", "REPAIR_REQUEST", "channel", "HOTLINE_400",
				"description", "x", "repairReason", "BROKEN", "customer", Map.of("name", "钱先生", "phone", phone())));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").findValuesAsString("field")).containsExactly("repairReason");
	}

	@Test
	void theAgentsFormStillAsksForTheReason() throws Exception {
		String phone = phone();
		String description = "车辆无法启动 " + UUID.randomUUID();
		var r = mvc.perform(post("/complaints/new").session(signIn(agent)).with(csrf()).param("kind", "REPAIR_REQUEST")
				.param("channel", "HOTLINE_400").param("complainantType", "CUSTOMER").param("customerName", "周先生")
				.param("customerPhone", phone).param("description", description)).andReturn();
		assertThat(r.getResponse().getContentAsString()).contains("id=\"form-errors\"").contains("报修须注明原因");
		assertThat(jdbc.sql("select count(*) from complaint where description = ?").param(description).query(Long.class)
				.single())
				.as("nothing registered").isZero();
	}
}
