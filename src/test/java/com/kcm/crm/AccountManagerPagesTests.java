package com.kcm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/** The account manager's pages and the customer 360° page with its communication log (SPEC §7.1, §7.3, §8). */
@KcmTest
class AccountManagerPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	DealerNetwork network;

	@Autowired
	Audit audit;

	CrmFixtures f;

	@BeforeEach
	void setUp() {
		f = new CrmFixtures(port);
	}

	private String page(UserDetails who, String path) throws Exception {
		return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	@Test
	void theAccountManagerRecordsAVisitAndTheAccountLeavesTheOverdueRows() throws Exception {
		String manager = f.user(List.of("ACCOUNT_MANAGER"), null, null);
		long id = f.customer("ORGANIZATION", true, f.userId(manager));
		UserDetails me = userDetails.loadUserByUsername(manager);
		assertThat(page(me, "/")).contains("逾期未拜访");
		String before = page(me, "/key-accounts");
		assertThat(before).containsPattern("<tr data-customer-id=\"" + id + "\"\\s+class=\"table-danger overdue\"");

		String account = page(me, "/key-accounts/" + id);
		assertThat(account).contains("visit-form", "从未拜访");
		mvc.perform(post("/key-accounts/" + id + "/visits").with(user(me)).with(csrf())
				.param("date", LocalDate.now(TimeConfig.BUSINESS_ZONE).toString()).param("kind", "ON_SITE")
				.param("participants", "王经理").param("content", "季度回访")).andExpect(status().is3xxRedirection());
		String after = page(me, "/key-accounts");
		assertThat(after).contains("data-customer-id=\"" + id + "\"")
				.doesNotContainPattern("<tr data-customer-id=\"" + id + "\"\\s+class=\"table-danger overdue\"");
		assertThat(page(me, "/key-accounts/" + id)).contains("季度回访");

		// another manager's account is not found, and the attempt is audited
		UserDetails other = userDetails.loadUserByUsername(f.user(List.of("ACCOUNT_MANAGER"), null, null));
		mvc.perform(get("/key-accounts/" + id).with(user(other))).andExpect(status().isNotFound());
	}

	@Test
	void theThreeSixtyPageShowsTheCustomerMaskedAndADealerOnlyItsOwnCustomers() throws Exception {
		String dealer = CrmFixtures.dealer(network);
		long theirs = f.customer("INDIVIDUAL", null, null);
		f.vehicle(theirs, dealer);
		long foreign = f.customer("INDIVIDUAL", null, null);
		String phone = f.admin.get("/customers/" + theirs + "?reveal=true").json().get("phone").asString();
		UserDetails dealerUser = userDetails.loadUserByUsername(f.user(List.of("DEALER"), dealer, null));
		String html = page(dealerUser, "/customers/" + theirs + "/360");
		assertThat(html).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone);
		assertThat(html).contains("c360-timeline", "c360-consents", "c360-consent-form", "未同意");
		mvc.perform(get("/customers/" + foreign + "/360").with(user(dealerUser))).andExpect(status().isNotFound());
		assertThat(audit.search(new AuditQuery(null, Audit.NOT_VISIBLE, "customer", String.valueOf(foreign), null, null),
				PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);

		// a dealer user logs a call for its customer; the log is append-only, a correction points at the entry
		mvc.perform(post("/customers/" + theirs + "/communications").with(user(dealerUser)).with(csrf())
				.param("channel", "PHONE").param("direction", "OUT").param("summary", "约定周六进站"))
				.andExpect(status().is3xxRedirection());
		Api admin = f.admin;
		JsonNode log = admin.get("/customers/" + theirs + "/communications").json().get("items");
		assertThat(log).hasSize(1);
		long first = log.get(0).get("id").asLong();
		assertThat(log.get(0).get("dealerId").isNull()).isFalse();
		Api.Answer correction = admin.post("/customers/" + theirs + "/communications",
				Map.of("channel", "PHONE", "direction", "OUT", "summary", "更正：约定周日进站", "correctsId", first));
		assertThat(correction.status()).as(correction.body()).isEqualTo(201);
		Api.Answer wrongCustomer = admin.post("/customers/" + foreign + "/communications",
				Map.of("channel", "PHONE", "direction", "OUT", "summary", "x", "correctsId", first));
		assertThat(wrongCustomer.status()).isEqualTo(422);
		Api.Answer badChannel = admin.post("/customers/" + theirs + "/communications",
				Map.of("channel", "FAX", "direction", "OUT", "summary", "x"));
		assertThat(badChannel.status()).isEqualTo(422);
		assertThat(badChannel.body()).contains("\"field\":\"channel\"");
		JsonNode timeline = admin.get("/customers/" + theirs + "/360?type=COMMUNICATION").json().get("timeline");
		assertThat(timeline).hasSize(2);
		assertThat(timeline.get(0).get("detail").asString()).startsWith("[更正 #" + first + "]");
		assertThat(admin.get("/customers/" + theirs + "/360").json().get("phone").asString()).contains("****");
	}

	@Test
	void contactPhonesAreMaskedAndRevealedOnlyWithThePermission() {
		long id = f.customer("ORGANIZATION", true, null);
		Api.Answer added = f.admin.post("/key-accounts/" + id + "/contacts",
				Map.of("name", "王经理", "position", "车队长", "phone", "13912345678"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("phone").asString()).isEqualTo("139****5678");
		assertThat(f.admin.get("/key-accounts/" + id + "/contacts").body()).contains("139****5678").doesNotContain("13912345678");
		String specialist = f.user(List.of("AFTER_SALES"), null, null);
		assertThat(f.as(specialist).get("/key-accounts/" + id + "/contacts?reveal=true").status()).isEqualTo(403);
		Api.Answer refused = f.admin.post("/key-accounts/" + id + "/contacts",
				Map.of("name", " ", "position", "队".repeat(101), "phone", "call me"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("name", "position", "phone");
		assertThat(refused.json().get("errors").findValuesAsString("message").subList(0, 2))
				.containsExactly("必填", "不能超过 100 个字符");
	}
}
