package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard figures of June 2026 as {@link BulletinFixtures} builds it: trends of a dealer and of a
 * region (aggregated from the dealers' numerators and denominators), complaints by category, and the
 * dealers closest to their limit, each scoped to the caller.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentDashboardTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	final BulletinFixtures june = new BulletinFixtures();
	Api manager;

	@BeforeAll
	void buildJune() {
		june.build(port, network);
		manager = new Api(port).as(Api.createUser(port, "dm", "AFTER_SALES_MANAGER", null), "secret-123");
	}

	@Test
	void aDealersTrendEndsWithItsJuneFigures() {
		JsonNode t = manager.get("/dashboards/2026-06/trend?dealerCode=" + june.code('A')).json();
		assertThat(t.get("level").asString()).isEqualTo("DEALER");
		assertThat(t.get("months")).hasSize(12);
		assertThat(t.get("months").get(0).asString()).isEqualTo("2025-07");
		assertThat(t.get("months").get(11).asString()).isEqualTo("2026-06");
		assertThat(t.get("complaints").get(11).asInt()).isEqualTo(2);
		assertThat(t.get("monthlyClosureRate").get(11).decimalValue()).isEqualByComparingTo("1");
		assertThat(t.get("firstTimeClosureRate").get(11).decimalValue()).isEqualByComparingTo("0.5");
		assertThat(t.get("satisfactionRate").get(11).decimalValue()).isEqualByComparingTo("1");
		assertThat(t.get("complaints").get(0).isNull()).as("July 2025 never computed").isTrue();
	}

	@Test
	void aRegionsTrendAddsUpItsDealersNumeratorsAndDenominators() {
		JsonNode t = manager.get("/dashboards/2026-06/trend?regionCode=" + june.region1).json();
		assertThat(t.get("level").asString()).isEqualTo("REGION");
		assertThat(t.get("label").asString()).isEqualTo(june.regionName1);
		// complaints A2 B1 C1 D2 E1 F0 G1 H1 = 9; G's one is unreachable: 8 reachable.
		assertThat(t.get("complaints").get(11).asInt()).isEqualTo(9);
		// closed: A2 B1 C1 D1 E1 H1 (forced) = 7 of 8.
		assertThat(t.get("monthlyClosureRate").get(11).decimalValue()).isEqualByComparingTo("0.8750");
		// satisfied: A2 B1 C1 D1 = 5 of 8.
		assertThat(t.get("satisfactionRate").get(11).decimalValue()).isEqualByComparingTo("0.6250");
		// first pass: A1 of 2, B1, C1, D1, E1 of 1 each = 5 of 6 called back (H forced, G never reached).
		assertThat(t.get("firstTimeClosureRate").get(11).decimalValue()).isEqualByComparingTo("0.8333");
	}

	@Test
	void complaintsOfTheMonthByCategoryLargestFirst() {
		JsonNode c = manager.get("/dashboards/2026-06/categories?regionCode=" + june.region1).json();
		assertThat(c).hasSize(2);
		assertThat(c.get(0).get("category").asString()).isEqualTo("SERVICE_PROCESS");
		assertThat(c.get(0).get("label").asString()).isEqualTo("服务过程");
		assertThat(c.get(0).get("count").asLong()).isEqualTo(8);
		assertThat(c.get(1).get("category").asString()).isEqualTo("OTHER");
		assertThat(c.get(1).get("count").asLong()).isEqualTo(1);

		Api dealer = new Api(port).as(Api.createUser(port, "dd", "DEALER", june.code('D')), "secret-123");
		JsonNode own = dealer.get("/dashboards/2026-06/categories").json();
		assertThat(own).as("a dealer user counts its own dealer's complaints only").hasSize(1);
		assertThat(own.get(0).get("count").asLong()).isEqualTo(2);
		assertThat(dealer.get("/dashboards/2026-06/categories?regionCode=" + june.region1).status()).isEqualTo(404);
		assertThat(dealer.get("/dashboards/2026-06/trend?dealerCode=" + june.code('A')).status()).isEqualTo(404);
	}

	@Test
	void theDealersOverTheirLimitComeFirstThenTheLeastHeadroom() {
		JsonNode h = manager.get("/dashboards/2026-06/limit-headroom?regionCode=" + june.region1).json();
		List<String> order = new ArrayList<>();
		List<Integer> headroom = new ArrayList<>();
		for (JsonNode r : h) {
			order.add(r.get("dealerCode").asString());
			headroom.add(r.get("headroom").asInt());
		}
		// limits all 1; counted A2 D2 (over), B1 C1 E1 G1 (at it), F0 H0 (H's complaint is category OTHER).
		assertThat(order).containsExactly(june.code('A'), june.code('D'), june.code('B'), june.code('C'),
				june.code('E'), june.code('G'), june.code('F'), june.code('H'));
		assertThat(headroom).containsExactly(-1, -1, 0, 0, 0, 0, 1, 1);
	}

	@Test
	void aRegionalUserSeesItsRegionByDefaultAndNothingOfAnother() {
		Api regional = new Api(port).as(BulletinFixtures.regionalUser(port, june.region2), "secret-123");
		JsonNode t = regional.get("/dashboards/2026-06/trend").json();
		assertThat(t.get("level").asString()).isEqualTo("REGION");
		assertThat(t.get("code").asString()).isEqualTo(june.region2);
		assertThat(t.get("complaints").get(11).asInt()).isEqualTo(1);
		JsonNode h = regional.get("/dashboards/2026-06/limit-headroom").json();
		assertThat(h).hasSize(1);
		assertThat(h.get(0).get("dealerCode").asString()).isEqualTo(june.code('X'));
		assertThat(regional.get("/dashboards/2026-06/trend?dealerCode=" + june.code('A')).status()).isEqualTo(404);
		assertThat(regional.get("/dashboards/2026-06/trend?regionCode=" + june.region1).status()).isEqualTo(404);
	}

	@Test
	void aDealerUsersDashboardPageAndChartDataShowItsOwnDealerOnly() throws Exception {
		String name = Api.createUser(port, "dp", "DEALER", june.code('D'));
		var dealer = user(users.loadUserByUsername(name));
		var page = mvc.perform(get("/assessment/dashboard").param("month", "2026-06").with(dealer)).andReturn()
				.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(june.code('D') + " " + BulletinFixtures.name('D'))
				.contains("echarts.min.js").contains("assessment-dashboard.js")
				.as("no region or dealer choice for a dealer user").doesNotContain("id=\"d-region\"");
		String headroom = mvc.perform(get("/assessment/dashboard/data/headroom").param("month", "2026-06").with(dealer))
				.andReturn().getResponse().getContentAsString();
		assertThat(headroom).contains(june.code('D')).doesNotContain(june.code('A'));
		assertThat(mvc.perform(get("/assessment/dashboard/data/trend").param("month", "2026-06")
				.param("region", june.region1).with(dealer)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/assessment/bulletin").with(dealer)).andReturn().getResponse().getStatus())
				.as("no bulletin for dealers").isEqualTo(403);
	}
}
