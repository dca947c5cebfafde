package com.kcm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * SPEC §8: an export of many rows of personal data is released only after a second person approves it. The
 * threshold is lowered to one row for these tests (and put back after each), so any customer list is "large".
 */
@KcmTest
class LargePersonalDataExportsNeedASecondApproverTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Audit audit;

	@Autowired
	Clock clock;

	Api admin;
	UserDetails agent;
	UserDetails otherAgent;
	UserDetails supervisor;

	@BeforeEach
	void lowerTheThreshold() {
		admin = new Api(port).as("admin", "admin-test-pass");
		setThreshold("1");
		agent = userDetails.loadUserByUsername(Api.createUser(port, "exp", "CS_AGENT", null));
		otherAgent = userDetails.loadUserByUsername(Api.createUser(port, "exo", "CS_AGENT", null));
		supervisor = userDetails.loadUserByUsername(Api.createUser(port, "exs", "CS_SUPERVISOR", null));
		// at least two customers exist, whatever else the shared database holds
		for (int i = 0; i < 2; i++) {
			assertThat(admin.post("/customers", Map.of("name", "导出客户" + i, "kind", "INDIVIDUAL")).status()).isEqualTo(201);
		}
	}

	@AfterEach
	void restoreTheThreshold() {
		((MutableClock) clock).reset();
		setThreshold("1000");
	}

	private void setThreshold(String rows) {
		LocalDate today = clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
		Api.Answer a = admin.post("/policies/EXPORT_APPROVAL_ROWS",
				Map.of("value", rows, "effectiveFrom", today.toString(), "reason", "测试：导出审批"));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
	}

	private long requestExport(UserDetails who) throws Exception {
		String page = mvc.perform(get("/customers/export").with(user(who))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(page).as("no file, a request form").contains("id=\"export-needs-approval\"").contains("须经第二人审批");
		String location = mvc.perform(post("/customers/export/request").param("reason", "季度客户回访名单")
				.with(user(who)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		assertThat(location).startsWith("/exports/");
		return Long.parseLong(location.substring("/exports/".length()));
	}

	@Test
	void anExportAboveTheThresholdWaitsForASecondApproverAndIsDownloadedOnce() throws Exception {
		long id = requestExport(agent);

		// waiting: the requester sees the state, the file is not released
		assertThat(mvc.perform(get("/exports/" + id).with(user(agent))).andReturn().getResponse().getContentAsString())
				.contains("id=\"export-waiting\"").doesNotContain("id=\"export-download\"");
		int early = mvc.perform(get("/customers/export/requests/" + id).with(user(agent))).andReturn().getResponse()
				.getStatus();
		assertThat(early).isEqualTo(422);

		// the supervisor sees it among the pending ones and approves it
		assertThat(mvc.perform(get("/exports").with(user(supervisor))).andReturn().getResponse().getContentAsString())
				.contains("id=\"pending-exports\"").contains("/exports/" + id);
		mvc.perform(post("/exports/" + id + "/approve").param("note", "同意").with(user(supervisor)).with(csrf()))
				.andExpect(status().is3xxRedirection());

		var file = mvc.perform(get("/customers/export/requests/" + id).with(user(agent))).andExpect(status().isOk())
				.andReturn().getResponse();
		assertThat(file.getContentType()).isEqualTo(XLSX);
		assertThat(file.getContentAsByteArray()).isNotEmpty();

		// once only
		assertThat(mvc.perform(get("/customers/export/requests/" + id).with(user(agent))).andReturn().getResponse()
				.getStatus()).isEqualTo(422);
		assertThat(audit.search(new AuditQuery(null, null, ExportApprovals.TYPE, String.valueOf(id), null, null),
				PageRequest.of(0, 10)).map(e -> e.action()).getContent())
				.as("requested, approved, downloaded").containsExactlyInAnyOrder(Audit.CREATE, Audit.UPDATE, Audit.UPDATE);
	}

	@Test
	void theRequesterCannotApproveItsOwnExportEvenAsAnApprover() throws Exception {
		long id = requestExport(supervisor);
		mvc.perform(post("/exports/" + id + "/approve").with(user(supervisor)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/exports/" + id).with(user(supervisor))).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("待审批").doesNotContain("id=\"export-approve\"");
		assertThat(mvc.perform(get("/customers/export/requests/" + id).with(user(supervisor))).andReturn().getResponse()
				.getStatus()).isEqualTo(422);
	}

	@Test
	void anAgentCannotApproveAndAnotherUserCannotSeeOrDownloadTheRequest() throws Exception {
		long id = requestExport(agent);
		mvc.perform(post("/exports/" + id + "/approve").with(user(otherAgent)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/exports/" + id).with(user(otherAgent))).andExpect(status().isNotFound());
		mvc.perform(post("/exports/" + id + "/approve").with(user(supervisor)).with(csrf()));
		mvc.perform(get("/customers/export/requests/" + id).with(user(otherAgent))).andExpect(status().isNotFound());
		assertThat(audit.search(new AuditQuery(otherAgent.getUsername(), Audit.NOT_VISIBLE, ExportApprovals.TYPE,
				String.valueOf(id), null, null), PageRequest.of(0, 5)).getTotalElements()).isEqualTo(2);
	}

	@Test
	void anApprovedExportIsReleasedOnlyWithinADay() throws Exception {
		long id = requestExport(agent);
		mvc.perform(post("/exports/" + id + "/approve").with(user(supervisor)).with(csrf()));
		((MutableClock) clock).set(clock.instant().plus(Duration.ofHours(25)));
		assertThat(mvc.perform(get("/customers/export/requests/" + id).with(user(agent))).andReturn().getResponse()
				.getStatus()).isEqualTo(422);
		assertThat(mvc.perform(get("/exports/" + id).with(user(agent))).andReturn().getResponse().getContentAsString())
				.contains("已过期");
	}

	@Test
	void aRequestWithoutAPurposeIsRefusedAndNothingIsRecorded() throws Exception {
		String page = mvc.perform(post("/customers/export/request").param("reason", " ").with(user(agent)).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("用途").contains("必填");
		assertThat(audit.search(new AuditQuery(agent.getUsername(), Audit.CREATE, ExportApprovals.TYPE, null, null, null),
				PageRequest.of(0, 5)).getTotalElements()).isZero();
	}

	@Test
	void belowTheThresholdTheFileComesAtOnce() throws Exception {
		setThreshold("100000000");
		var file = mvc.perform(get("/customers/export").with(user(agent))).andExpect(status().isOk()).andReturn()
				.getResponse();
		assertThat(file.getContentType()).isEqualTo(XLSX);
		assertThat(file.getContentAsByteArray()).isNotEmpty();
	}
}
