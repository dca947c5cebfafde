package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/** SPEC §8: dealer users see their own dealer, regional users their region; others' records are 404 and audited. */
@KcmTest
class DealerScopingTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Audit audit;

	DealerFixtures fx;
	String regionA;
	String regionB;
	String dealerA;
	String dealerA2;
	String dealerB;

	@BeforeEach
	void network() {
		fx = new DealerFixtures(port);
		regionA = fx.region();
		regionB = fx.region();
		dealerA = fx.dealer(regionA, "ACTIVE", "2023-01-01");
		dealerA2 = fx.dealer(regionA, "ACTIVE", "2023-01-01");
		dealerB = fx.dealer(regionB, "ACTIVE", "2023-01-01");
	}

	@Test
	void aDealerUserSeesOnlyItsOwnDealerWhateverItAsks() {
		Api me = fx.as(fx.user("DEALER", dealerA, null));
		assertThat(me.get("/dealers/" + dealerA).status()).isEqualTo(200);
		JsonNode all = me.get("/dealers?size=200").json();
		assertThat(all.get("total").asLong()).isEqualTo(1);
		assertThat(all.get("items").get(0).get("code").asString()).isEqualTo(dealerA);
		assertThat(me.get("/dealers?regionCode=" + regionB).json().get("total").asLong()).isZero();
		assertThat(me.get("/regions").json().findValuesAsString("code")).containsExactly(regionA);
	}

	@Test
	void aDealerUserGets404ForAnotherDealerAndTheAttemptIsAudited() {
		String username = fx.user("DEALER", dealerA, null);
		Api me = fx.as(username);
		assertThat(me.get("/dealers/" + dealerA2).status()).isEqualTo(404);
		assertThat(me.get("/dealers/" + dealerB).status()).isEqualTo(404);
		assertThat(audit.search(new AuditQuery(username, Audit.NOT_VISIBLE, "dealer", dealerB, null, null),
				Pageable.unpaged()).getTotalElements()).isEqualTo(1);
	}

	@Test
	void aRegionalUserSeesItsRegionsDealersOnly() {
		String username = fx.user("REGIONAL", null, regionA);
		Api me = fx.as(username);
		JsonNode all = me.get("/dealers?size=200").json();
		assertThat(all.get("items").findValuesAsString("code")).containsExactlyInAnyOrder(dealerA, dealerA2);
		assertThat(me.get("/dealers/" + dealerA2).status()).isEqualTo(200);
		assertThat(me.get("/dealers/" + dealerB).status()).isEqualTo(404);
		assertThat(audit.search(new AuditQuery(username, Audit.NOT_VISIBLE, "dealer", dealerB, null, null),
				Pageable.unpaged()).getTotalElements()).isEqualTo(1);
	}

	@Test
	void aDealerUserGetsTheNotFoundPageForAnotherDealersPage() throws Exception {
		String username = fx.user("DEALER", dealerA, null);
		MockHttpSession session = signIn(username);
		mvc.perform(get("/dealers/" + dealerA).session(session)).andExpect(status().isOk());
		mvc.perform(get("/dealers/" + dealerB).session(session)).andExpect(status().isNotFound());
		String list = mvc.perform(get("/dealers").session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(list).contains(dealerA).doesNotContain(dealerB).doesNotContain(dealerA2);
		assertThat(audit.search(new AuditQuery(username, Audit.NOT_VISIBLE, "dealer", dealerB, null, null),
				Pageable.unpaged()).getTotalElements()).isEqualTo(1);
	}

	@Test
	void aRegionalUserGetsTheNotFoundPageForAnotherRegionsDealer() throws Exception {
		MockHttpSession session = signIn(fx.user("REGIONAL", null, regionA));
		mvc.perform(get("/dealers/" + dealerA2).session(session)).andExpect(status().isOk());
		mvc.perform(get("/dealers/" + dealerB).session(session)).andExpect(status().isNotFound());
	}

	@Test
	void aDealerUserMayNotOpenTheAdministrationPages() throws Exception {
		MockHttpSession session = signIn(fx.user("DEALER", dealerA, null));
		mvc.perform(get("/dealers/new").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/regions").session(session)).andExpect(status().isForbidden());
	}

	MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("secret-123"))
				.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
	}
}
