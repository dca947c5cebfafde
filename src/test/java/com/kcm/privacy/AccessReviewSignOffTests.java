package com.kcm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** SPEC §8: the access log is reviewed month by month and signed off once; the sign-off is audited. */
@KcmTest
class AccessReviewSignOffTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Audit audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@AfterEach
	void resetClock() {
		((MutableClock) clock).reset();
	}

	/** A finished month nobody has signed off yet (the database is shared by the suite). */
	YearMonth unreviewedMonth() {
		for (int i = 0; i < 1000; i++) {
			YearMonth m = YearMonth.of(1960 + ThreadLocalRandom.current().nextInt(40), 1 + ThreadLocalRandom.current().nextInt(12));
			if (jdbc.sql("select count(*) from access_review where period_start = ?").param(m.atDay(1)).query(Long.class)
					.single() == 0) {
				return m;
			}
		}
		throw new IllegalStateException("no month left");
	}

	@Test
	void aMonthIsSignedOffOnceWithFindingsAndTheSignOffIsAudited() throws Exception {
		var admin = user(userDetails.loadUserByUsername("admin"));
		YearMonth month = unreviewedMonth();
		String page = mvc.perform(get("/privacy/access-reviews/" + month).with(admin)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(page).contains("id=\"review-counts\"").contains("id=\"review-form\"");

		mvc.perform(post("/privacy/access-reviews/" + month).param("findings", "无异常：抽查了完整个人信息查看记录").with(admin)
				.with(csrf())).andExpect(status().is3xxRedirection());

		page = mvc.perform(get("/privacy/access-reviews/" + month).with(admin)).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("id=\"review-signoff\"").contains("无异常：抽查了完整个人信息查看记录")
				.doesNotContain("id=\"review-form\"");
		long id = jdbc.sql("select id from access_review where period_start = ?").param(month.atDay(1)).query(Long.class)
				.single();
		var entries = audit.search(new AuditQuery("admin", Audit.CREATE, AccessReviews.TYPE, String.valueOf(id), null, null),
				PageRequest.of(0, 5)).getContent();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).afterState()).contains(month.toString()).contains("无异常");

		// a second sign-off of the same month is refused and changes nothing
		page = mvc.perform(post("/privacy/access-reviews/" + month).param("findings", "再次签字").with(admin).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已有审查签字");
		assertThat(jdbc.sql("select findings from access_review where period_start = ?").param(month.atDay(1))
				.query(String.class).single()).isEqualTo("无异常：抽查了完整个人信息查看记录");
	}

	@Test
	void findingsAreRequiredAndARunningMonthCannotBeSignedOff() throws Exception {
		var admin = user(userDetails.loadUserByUsername("admin"));
		YearMonth month = unreviewedMonth();
		String page = mvc.perform(post("/privacy/access-reviews/" + month).param("findings", "  ").with(admin).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("审查发现").contains("必填");
		YearMonth now = YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
		page = mvc.perform(post("/privacy/access-reviews/" + now).param("findings", "提前签字").with(admin).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("尚未结束");
		assertThat(jdbc.sql("select count(*) from access_review where period_start in (?, ?)").param(month.atDay(1))
				.param(now.atDay(1)).query(Long.class).single()).isZero();
	}

	@Test
	void aMonthNotSignedOffWithinTheDueDaysIsShownOverdue() throws Exception {
		var admin = user(userDetails.loadUserByUsername("admin"));
		YearMonth now = YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
		// 16 days after this month's end (due: 15 days) the month is overdue unless someone signed it off
		((MutableClock) clock).set(now.plusMonths(1).atDay(17).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant());
		boolean signed = jdbc.sql("select count(*) from access_review where period_start = ?").param(now.atDay(1))
				.query(Long.class).single() > 0;
		String page = mvc.perform(get("/privacy/access-reviews").with(admin)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		String row = row(page, "review-" + now);
		if (signed) {
			assertThat(row).contains("已签字");
		} else {
			assertThat(row).contains("table-danger").contains("已逾期");
			assertThat(mvc.perform(get("/").with(admin)).andReturn().getResponse().getContentAsString())
					.as("the administrator's home page").contains("逾期未审查的访问日志");
		}
		((MutableClock) clock).set(now.plusMonths(1).atDay(10).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant()
				.plus(Duration.ofHours(1)));
		page = mvc.perform(get("/privacy/access-reviews").with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(row(page, "review-" + now)).doesNotContain("已逾期");
	}

	@Test
	void onlyTheAdministratorReviews() throws Exception {
		var manager = user(userDetails.loadUserByUsername(Api.createUser(port, "rv", "AFTER_SALES_MANAGER", null)));
		mvc.perform(get("/privacy/access-reviews").with(manager)).andExpect(status().isForbidden());
	}

	private static String row(String page, String id) {
		int at = page.indexOf("id=\"" + id + "\"");
		assertThat(at).as(id).isPositive();
		String rest = page.substring(page.lastIndexOf("<tr", at));
		return rest.substring(0, rest.indexOf("</tr>"));
	}
}
