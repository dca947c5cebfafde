package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/**
 * SPEC §5.2: each dealer's limit per quarter stored with how it was computed (previous quarter's average
 * visits, the band), computed by the quarterly job or on demand, never replacing an override, and used by
 * the assessment. Quarters of 2031 are used by no other test.
 */
@KcmTest
class QuarterlyLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	QuarterlyLimitJob job;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Audit audit;

	Api specialist;
	String specialistName;
	String region;

	static String code(String p) {
		return p + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	String dealer() {
		String code = code("L");
		network.createDealer(new DealerCommand(code, "限值服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		return code;
	}

	@BeforeEach
	void setUp() {
		region = code("R");
		network.createRegion(new RegionCommand(region, "限值大区"));
		specialistName = Api.createUser(port, "ls", "AFTER_SALES", null);
		specialist = new Api(port).as(specialistName, "secret-123");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private void visits(String dealer, int... janFebMar) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < janFebMar.length; i++) {
			if (janFebMar[i] >= 0) {
				rows.add(Map.of("dealerCode", dealer, "month", "2031-0" + (i + 1), "visits", janFebMar[i]));
			}
		}
		if (!rows.isEmpty()) {
			Api.Answer a = specialist.post("/service-visits", rows);
			assertThat(a.status()).as(a.body()).isEqualTo(200);
		}
	}

	private JsonNode limit(String quarter, String dealer) {
		Api.Answer a = specialist.get("/limits?quarter=" + quarter + "&dealerCode=" + dealer);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("total").asInt()).as(a.body()).isEqualTo(1);
		return a.json().get("items").get(0);
	}

	@Test
	void theBandTableGivesEachDealersLimitFromThePreviousQuartersAverage() {
		String d300 = dealer();
		String d199 = dealer();
		String d1000 = dealer();
		String d1750 = dealer();
		String none = dealer();
		visits(d300, 250, 300, 350);
		visits(d199, 299, 300, -1);
		visits(d1000, 1000, 1000, 1000);
		visits(d1750, 1500, 2000, 1750);

		Api.Answer c = specialist.post("/limits/2031-Q2/compute", Map.of());
		assertThat(c.status()).as(c.body()).isEqualTo(200);
		assertThat(c.json().get("quarter").asString()).isEqualTo("2031-Q2");

		JsonNode l300 = limit("2031-Q2", d300);
		assertThat(l300.get("visitsSum").asInt()).isEqualTo(900);
		assertThat(l300.get("averageVisits").decimalValue()).isEqualByComparingTo("300");
		assertThat(l300.get("band").asString()).isEqualTo("[300, 600) → 3");
		assertThat(l300.get("computedLimit").asInt()).isEqualTo(3);
		assertThat(l300.get("override").isNull()).isTrue();
		assertThat(l300.get("effectiveLimit").asInt()).isEqualTo(3);
		assertThat(l300.get("computedBy").asString()).isEqualTo(specialistName);

		JsonNode l199 = limit("2031-Q2", d199);
		assertThat(l199.get("averageVisits").decimalValue()).as("599 ÷ 3, March missing = 0, not rounded")
				.isEqualByComparingTo("199.666667");
		assertThat(l199.get("band").asString()).isEqualTo("[100, 300) → 2");
		assertThat(l199.get("effectiveLimit").asInt()).isEqualTo(2);

		assertThat(limit("2031-Q2", d1000).get("effectiveLimit").asInt()).as("1000 is in the open band: 5 + ⌊0 ÷ 500⌋")
				.isEqualTo(5);
		JsonNode l1750 = limit("2031-Q2", d1750);
		assertThat(l1750.get("band").asString()).isEqualTo("≥ 1000 → 5 + ⌊(x − 1000) ÷ 500⌋");
		assertThat(l1750.get("effectiveLimit").asInt()).as("5 + ⌊750 ÷ 500⌋").isEqualTo(6);
		JsonNode lNone = limit("2031-Q2", none);
		assertThat(lNone.get("averageVisits").decimalValue()).isEqualByComparingTo("0");
		assertThat(lNone.get("effectiveLimit").asInt()).isEqualTo(1);

		// The assessment of a month of the quarter uses the stored limit.
		assertThat(specialist.post("/assessments/2031-05/compute", Map.of()).status()).isEqualTo(200);
		assertThat(specialist.get("/assessments/2031-05/dealers/" + d1750).json().get("limit").asInt()).isEqualTo(6);
		assertThat(specialist.get("/assessments/2031-05/dealers/" + d199).json().get("limit").asInt()).isEqualTo(2);
	}

	@Test
	void aComputationNeverOverwritesAnOverrideAndRecordedVisitsRefreshTheStoredLimit() throws Exception {
		String d = dealer();
		String late = dealer();
		visits(d, 250, 300, 350);
		assertThat(specialist.post("/limits/2031-Q2/compute", Map.of()).status()).isEqualTo(200);
		assertThat(specialist.post("/limit-overrides", Map.of("dealerCode", d, "month", "2031-04", "limit", 9,
				"reason", "新店开业促销季")).status()).isEqualTo(200);
		assertThat(specialist.post("/limits/2031-Q2/compute", Map.of()).status()).isEqualTo(200);

		JsonNode l = limit("2031-Q2", d);
		assertThat(l.get("computedLimit").asInt()).isEqualTo(3);
		assertThat(l.get("override").get("limit").asInt()).isEqualTo(9);
		assertThat(l.get("override").get("reason").asString()).isEqualTo("新店开业促销季");
		assertThat(l.get("override").get("by").asString()).isEqualTo(specialistName);
		assertThat(l.get("effectiveLimit").asInt()).as("the override stays after a recomputation").isEqualTo(9);

		// Visits recorded after the computation: the stored limit follows (900 + 900 more → 600 → 4).
		visits(late, 600, 600, -1);
		visits(late, -1, -1, 600);
		assertThat(limit("2031-Q2", late).get("computedLimit").asInt()).isEqualTo(4);

		assertThat(specialist.post("/assessments/2031-06/compute", Map.of()).status()).isEqualTo(200);
		JsonNode a = specialist.get("/assessments/2031-06/dealers/" + d).json();
		assertThat(a.get("limit").asInt()).isEqualTo(9);
		assertThat(specialist.get("/assessments/2031-06/dealers/" + late).json().get("limit").asInt()).isEqualTo(4);

		// The limits page shows the override and, for June, the counted complaints against the limit.
		String html = mvc.perform(get("/limits").param("quarter", "2031-Q2").param("dealer", d)
				.with(user(userDetails.loadUserByUsername(specialistName)))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("新店开业促销季").contains("[300, 600) → 3").contains("0 / 9");
	}

	@Test
	void theJobComputesTheQuarterAtItsStartForEveryDealerWithoutALimit() {
		String d = dealer();
		List<Map<String, Object>> q2 = List.of(Map.of("dealerCode", d, "month", "2031-04", "visits", 700),
				Map.of("dealerCode", d, "month", "2031-05", "visits", 600),
				Map.of("dealerCode", d, "month", "2031-06", "visits", 500));
		assertThat(specialist.post("/service-visits", q2).status()).isEqualTo(200);
		assertThat(specialist.get("/limits?quarter=2031-Q3&dealerCode=" + d).json().get("total").asInt()).isZero();

		clock.set(OffsetDateTime.parse("2031-07-01T00:05:00+08:00").toInstant());
		specialist = new Api(port).as(specialistName, "secret-123"); // a token issued at the moved clock
		assertThat(job.computeCurrentQuarter()).isGreaterThanOrEqualTo(1);
		JsonNode l = limit("2031-Q3", d);
		assertThat(l.get("averageVisits").decimalValue()).isEqualByComparingTo("600");
		assertThat(l.get("effectiveLimit").asInt()).as("[600, 1000) → 4").isEqualTo(4);
		assertThat(l.get("computedBy").asString()).isEqualTo("system");
		assertThat(l.get("computedAt").asString()).isEqualTo("2031-07-01T00:05:00+08:00");
		assertThat(job.computeCurrentQuarter()).as("the next day's run finds nothing left to compute").isZero();

		String newcomer = dealer();
		assertThat(job.computeCurrentQuarter()).isEqualTo(1);
		assertThat(limit("2031-Q3", newcomer).get("effectiveLimit").asInt()).isEqualTo(1);
	}

	@Test
	void onlyAfterSalesComputesAndOverridesAndOthersSeeTheirScope() throws Exception {
		String mine = dealer();
		String theirs = dealer();
		assertThat(specialist.post("/limits/2031-Q4/compute", Map.of()).status()).isEqualTo(200);
		String dealerUser = Api.createUser(port, "ld", "DEALER", mine);
		Api asDealer = new Api(port).as(dealerUser, "secret-123");
		Api agent = new Api(port).as(Api.createUser(port, "la", "CS_AGENT", null), "secret-123");
		assertThat(asDealer.post("/limits/2031-Q4/compute", Map.of()).status()).isEqualTo(403);
		assertThat(asDealer.post("/limit-overrides", Map.of("dealerCode", mine, "month", "2031-10", "limit", 9,
				"reason", "x")).status()).isEqualTo(403);
		assertThat(agent.get("/limits?quarter=2031-Q4").status()).isEqualTo(403);
		assertThat(asDealer.get("/limits?quarter=2031-Q4").json().get("items").findValuesAsString("dealerCode"))
				.containsExactly(mine);
		assertThat(asDealer.get("/limits?quarter=2031-Q4&dealerCode=" + theirs).status()).isEqualTo(404);
		assertThat(specialist.post("/limits/2031-Q5/compute", Map.of()).status()).isEqualTo(422);

		mvc.perform(post("/limits/2031-Q4/compute").with(csrf()).with(user(userDetails.loadUserByUsername(dealerUser))))
				.andExpect(status().isForbidden());
		String page = mvc.perform(get("/limits").param("quarter", "2031-Q4")
				.with(user(userDetails.loadUserByUsername(dealerUser)))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(mine).doesNotContain(theirs).doesNotContain("override-form");

		// The page's override form: reason required, then audited and shown.
		String specialistPage = mvc.perform(post("/limits/2031-Q4/override").with(csrf())
				.with(user(userDetails.loadUserByUsername(specialistName))).param("dealerCode", mine).param("limit", "7")
				.param("reason", " ")).andReturn().getResponse().getRedirectedUrl();
		assertThat(specialistPage).isEqualTo("/limits?quarter=2031-Q4");
		assertThat(limit("2031-Q4", mine).get("override").isNull()).as("no reason: refused").isTrue();
		mvc.perform(post("/limits/2031-Q4/override").with(csrf()).with(user(userDetails.loadUserByUsername(specialistName)))
				.param("dealerCode", mine).param("limit", "7").param("reason", "区域活动"));
		assertThat(limit("2031-Q4", mine).get("effectiveLimit").asInt()).isEqualTo(7);
		assertThat(audit.search(new AuditQuery(specialistName, Audit.UPDATE, "complaint_limit", null, null, null),
				PageRequest.of(0, 5)).getContent()).extracting(Audit.Entry::afterState).anyMatch(s -> s.contains("区域活动"));
	}
}
