package com.kcm.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/** Consent per customer and purpose (SPEC §7.5) through HTTP: history, the check at an instant, scoping (§8). */
@KcmTest
class ConsentHistoryAndScopeTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	Consents consents;

	@Autowired
	Audit audit;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	ConsentFixtures f;

	@BeforeEach
	void setUp() {
		f = new ConsentFixtures(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static Map<String, Object> change(String purpose, String state, String channel, String at) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("purpose", purpose);
		m.put("state", state);
		m.put("channel", channel);
		m.put("at", at);
		m.put("note", "客户签字");
		return m;
	}

	@Test
	void noRecordMeansNoConsentAndTheLatestRecordAtOrBeforeTheInstantDecides() {
		long id = f.customer("同意历史", ConsentFixtures.mobile());
		Instant given = Instant.parse("2026-03-01T02:00:00Z");
		Instant withdrawn = Instant.parse("2026-05-01T02:00:00Z");
		assertThat(consents.inForce(id, ConsentPurpose.CARE, given)).isFalse();

		Api.Answer a = f.admin.post("/customers/" + id + "/consents", change("CARE", "GIVEN", "PAPER", "2026-03-01T10:00:00+08:00"));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		assertThat(a.json().get("state").asString()).isEqualTo("GIVEN");
		assertThat(a.json().get("at").asString()).isEqualTo("2026-03-01T10:00:00+08:00");
		assertThat(f.admin.post("/customers/" + id + "/consents", change("CARE", "WITHDRAWN", "PHONE",
				"2026-05-01T10:00:00+08:00")).status()).isEqualTo(201);

		assertThat(consents.inForce(id, ConsentPurpose.CARE, given.minusSeconds(1))).isFalse();
		assertThat(consents.inForce(id, ConsentPurpose.CARE, given)).isTrue();
		assertThat(consents.inForce(id, ConsentPurpose.CARE, withdrawn.minusSeconds(1))).isTrue();
		assertThat(consents.inForce(id, ConsentPurpose.CARE, withdrawn)).isFalse();
		assertThat(consents.inForce(id, ConsentPurpose.SURVEY, withdrawn.minusSeconds(1))).isFalse();
		assertThat(consents.inForce(List.of(id), ConsentPurpose.CARE, withdrawn.minusSeconds(1))).containsExactly(id);

		JsonNode all = f.admin.get("/customers/" + id + "/consents").json();
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(all.get("history").get(0).get("state").asString()).isEqualTo("WITHDRAWN");
		assertThat(all.get("history").get(0).get("channel").asString()).isEqualTo("PHONE");
		assertThat(all.get("history").get(1).get("state").asString()).isEqualTo("GIVEN");
		assertThat(all.get("history").get(1).get("recordedBy").asString()).isNotBlank();
		JsonNode care = null;
		for (JsonNode s : all.get("current")) {
			if (s.get("purpose").asString().equals("CARE")) {
				care = s;
			}
		}
		assertThat(care.get("inForce").asBoolean()).isFalse();
		for (JsonNode h : all.get("history")) {
			assertThat(audit.search(new AuditQuery("admin", Audit.CREATE, Consents.TYPE, h.get("id").asString(), null, null),
					PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		}
	}

	@Test
	void aBadChangeNamesItsFieldsAndWritesNothing() {
		long id = f.customer("同意校验", ConsentFixtures.mobile());
		Api.Answer a = f.admin.post("/customers/" + id + "/consents", change("NEWSLETTER", "MAYBE", "FAX",
				OffsetDateTime.now().plusDays(2).toString()));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.body()).contains("\"field\":\"purpose\"", "\"field\":\"state\"", "\"field\":\"channel\"",
				"\"field\":\"at\"");
		assertThat(f.admin.get("/customers/" + id + "/consents").json().get("total").asLong()).isZero();
	}

	@Test
	void aDealerUserRecordsForItsOwnCustomerAndGets404ForAnotherDealersCustomer() {
		String dealer = ConsentFixtures.dealer(network);
		String other = ConsentFixtures.dealer(network);
		long mine = f.customer("本店客户", ConsentFixtures.mobile());
		f.vehicle(mine, dealer, "2024-05-01", null);
		long foreign = f.customer("他店客户", ConsentFixtures.mobile());
		f.vehicle(foreign, other, "2024-05-01", null);
		Api d = f.as(f.user(List.of("DEALER"), dealer));

		assertThat(d.post("/customers/" + mine + "/consents", change("SURVEY", "GIVEN", "IN_PERSON", null)).status()).isEqualTo(201);
		assertThat(d.get("/customers/" + mine + "/consents").status()).isEqualTo(200);
		assertThat(d.get("/customers/" + foreign + "/consents").status()).isEqualTo(404);
		assertThat(d.post("/customers/" + foreign + "/consents", change("SURVEY", "GIVEN", "IN_PERSON", null)).status())
				.isEqualTo(404);
		assertThat(f.admin.get("/customers/" + foreign + "/consents").json().get("total").asLong()).isZero();
		assertThat(audit.search(new AuditQuery(null, Audit.NOT_VISIBLE, "customer", String.valueOf(foreign), null, null),
				PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
	}

	@Test
	void theCustomer360PageShowsAndChangesConsentsAndTheTimelineListsThem() throws Exception {
		long id = f.customer("三六零同意", ConsentFixtures.mobile());
		UserDetails agent = userDetails.loadUserByUsername(f.user(List.of("CS_AGENT"), null));
		String before = mvc.perform(get("/customers/" + id + "/360").with(user(agent))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(before).contains("c360-consent-form", "data-purpose=\"CARE\" data-in-force=\"false\"");

		mvc.perform(post("/customers/" + id + "/consents").with(user(agent)).with(csrf()).param("purpose", "CARE")
				.param("state", "GIVEN").param("channel", "PHONE").param("back", "360"))
				.andExpect(status().is3xxRedirection());
		String after = mvc.perform(get("/customers/" + id + "/360").with(user(agent))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(after).contains("data-purpose=\"CARE\" data-in-force=\"true\"", "data-type=\"CONSENT\"");
		assertThat(mvc.perform(get("/customers/" + id + "/consents").with(user(agent))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString()).contains("consent-history", "电话");
		JsonNode api = f.admin.get("/customers/" + id + "/360").json();
		assertThat(api.get("consents").toString()).contains("\"purpose\":\"CARE\",\"inForce\":true");
	}
}
