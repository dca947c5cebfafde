package com.kcm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * SPEC §8 breach workflow (信息泄露): deadlines counted from the finding — internal 1 h, regulator 4 h, persons
 * 72 h, closure 30 days (policy defaults) — overdue ones marked, every step audited, closure only once told.
 */
@KcmTest
class BreachWorkflowTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	@Autowired
	Clock clock;

	@Autowired
	Breaches breaches;

	RequestPostProcessor manager;
	Instant now;

	@BeforeEach
	void fixTheClock() {
		now = Instant.parse("2026-10-12T02:00:00Z").truncatedTo(ChronoUnit.MINUTES); // 10:00 in Beijing
		((MutableClock) clock).set(now);
		manager = user(userDetails.loadUserByUsername(Api.createUser(port, "br", "AFTER_SALES_MANAGER", null)));
	}

	@AfterEach
	void resetClock() {
		((MutableClock) clock).reset();
	}

	static String local(Instant i) {
		return LocalDateTime.ofInstant(i, TimeConfig.BUSINESS_ZONE).toString();
	}

	private long record(String title, Instant found) throws Exception {
		String location = mvc.perform(post("/privacy/breaches/new").param("title", title)
				.param("description", "座席导出的客户清单误发至外部邮箱").param("dataKinds", "NAME", "PHONE")
				.param("affectedCount", "120").param("affectedDescription", "华北大区 2026 年 9 月投诉客户")
				.param("foundAt", local(found)).with(manager).with(csrf())).andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void theDeadlinesRunFromTheFindingAndAMissedOneIsMarkedOverdue() throws Exception {
		String title = "客户清单误发 " + UUID.randomUUID();
		Instant found = now.minus(Duration.ofHours(2));
		long id = record(title, found);

		var b = breaches.get(id);
		assertThat(b.getInternalDueAt()).isEqualTo(found.plus(Duration.ofHours(1)));
		assertThat(b.getRegulatorDueAt()).isEqualTo(found.plus(Duration.ofHours(4)));
		assertThat(b.getPersonsDueAt()).isEqualTo(found.plus(Duration.ofHours(72)));
		assertThat(b.getCloseDueAt()).isEqualTo(found.plus(Duration.ofDays(30)));

		String page = mvc.perform(get("/privacy/breaches/" + id).with(manager)).andReturn().getResponse().getContentAsString();
		assertThat(row(page, "notice-INTERNAL")).as("found 2 h ago, due after 1 h").contains("table-danger").contains("逾期");
		assertThat(row(page, "notice-REGULATOR")).doesNotContain("table-danger");
		String list = mvc.perform(get("/privacy/breaches").with(manager)).andReturn().getResponse().getContentAsString();
		assertThat(row(list, "breach-" + id)).contains("table-danger");

		// told internally: no longer overdue; at 4 h 1 min the regulator notice is
		mvc.perform(post("/privacy/breaches/" + id + "/told").param("audience", "INTERNAL").param("at", local(now))
				.param("whom", "个人信息保护负责人、售后总监").with(manager).with(csrf())).andExpect(status().is3xxRedirection());
		((MutableClock) clock).set(found.plus(Duration.ofMinutes(241)));
		page = mvc.perform(get("/privacy/breaches/" + id).with(manager)).andReturn().getResponse().getContentAsString();
		assertThat(row(page, "notice-INTERNAL")).doesNotContain("table-danger").contains("个人信息保护负责人");
		assertThat(row(page, "notice-REGULATOR")).contains("table-danger");
	}

	@Test
	void anIncidentClosesOnlyOnceEveryoneWasToldAndEveryStepIsAudited() throws Exception {
		long id = record("系统漏洞 " + UUID.randomUUID(), now.minus(Duration.ofMinutes(30)));

		mvc.perform(post("/privacy/breaches/" + id + "/close").param("summary", "已处置").with(manager).with(csrf()));
		assertThat(breaches.get(id).getStatus()).isEqualTo(Breach.Status.OPEN);

		mvc.perform(post("/privacy/breaches/" + id + "/told").param("audience", "INTERNAL").param("at", local(now))
				.param("whom", "管理层").with(manager).with(csrf()));
		mvc.perform(post("/privacy/breaches/" + id + "/told").param("audience", "REGULATOR").param("at", local(now))
				.param("whom", "省网信办（电话报告）").with(manager).with(csrf()));
		mvc.perform(post("/privacy/breaches/" + id + "/actions").param("text", "已收回邮件并要求对方删除").with(manager)
				.with(csrf()));
		mvc.perform(post("/privacy/breaches/" + id + "/waive").param("reason", "收件人已删除，未扩散，不会造成危害")
				.with(manager).with(csrf()));
		assertThat(breaches.get(id).getStatus()).isEqualTo(Breach.Status.NOTIFIED);
		mvc.perform(post("/privacy/breaches/" + id + "/close").param("summary", "原因：收件人地址自动补全；已关闭补全")
				.with(manager).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(breaches.get(id).getStatus()).isEqualTo(Breach.Status.CLOSED);

		// closed: nothing changes any more
		mvc.perform(post("/privacy/breaches/" + id + "/actions").param("text", "补充").with(manager).with(csrf()));
		assertThat(breaches.actions(id)).hasSize(1);

		var actions = audit.search(new AuditQuery(null, null, Breaches.TYPE, String.valueOf(id), null, null),
				PageRequest.of(0, 20)).map(e -> e.action()).getContent();
		assertThat(actions).as("recorded, told ×2, waived, closed").containsExactlyInAnyOrder(Audit.CREATE, Audit.UPDATE,
				Audit.UPDATE, Audit.UPDATE, Audit.UPDATE);
		assertThat(audit.search(new AuditQuery(null, Audit.CREATE, Breaches.TYPE + "_action", null, null, null),
				PageRequest.of(0, 100)).getContent()).anyMatch(e -> e.afterState().contains("已收回邮件"));
	}

	@Test
	void anIncompleteRecordIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
		String title = "不完整 " + UUID.randomUUID();
		String page = mvc.perform(post("/privacy/breaches/new").param("title", title).param("affectedCount", "-3")
				.param("foundAt", local(now.plus(Duration.ofHours(1)))).with(manager).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("涉及的个人信息").contains("不能为负数").contains("不能晚于当前时间");
		assertThat(jdbc.sql("select count(*) from breach_incident where title = ?").param(title).query(Long.class).single())
				.isZero();
	}

	@Test
	void otherRolesHaveNoAccess() throws Exception {
		var agent = SecurityMockMvcRequestPostProcessors
				.user(userDetails.loadUserByUsername(Api.createUser(port, "bra", "CS_AGENT", null)));
		mvc.perform(get("/privacy/breaches").with(agent)).andExpect(status().isForbidden());
	}

	private static String row(String page, String id) {
		int at = page.indexOf("id=\"" + id + "\"");
		assertThat(at).as(id).isPositive();
		String rest = page.substring(page.lastIndexOf("<tr", at));
		return rest.substring(0, rest.indexOf("</tr>"));
	}
}
