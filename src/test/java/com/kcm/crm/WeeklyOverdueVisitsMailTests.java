package com.kcm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.support.Eventually;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;

/** SPEC §7.3: a weekly e-mail to each account manager lists its overdue visits — once per week and manager. */
@KcmTest
class WeeklyOverdueVisitsMailTests {

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	CrmJobs jobs;

	@Test
	void eachAccountManagerGetsItsOverdueVisitsOnceAWeek() throws Exception {
		CrmFixtures f = new CrmFixtures(port);
		String mail = "am-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String manager = f.user(List.of("ACCOUNT_MANAGER"), null, mail);
		long managerId = f.userId(manager);
		long never = f.customer("ORGANIZATION", true, managerId);
		long visited = f.customer("ORGANIZATION", true, managerId);
		String today = java.time.LocalDate.now(com.kcm.shared.TimeConfig.BUSINESS_ZONE).toString();
		f.as(manager).post("/customers/" + visited + "/visits", CrmFixtures.visit(today, null));

		jobs.weekly();
		jobs.weekly();
		List<Mailbox.Mail> got = Eventually.await(() -> Mailbox.of(greenMail, mail), l -> !l.isEmpty(), Duration.ofSeconds(20));
		Thread.sleep(1500);
		got = Mailbox.of(greenMail, mail);
		assertThat(got).hasSize(1);
		String name = f.admin.get("/customers/" + never).json().get("name").asString();
		String visitedName = f.admin.get("/customers/" + visited).json().get("name").asString();
		assertThat(got.get(0).subject()).contains("逾期未拜访");
		assertThat(got.get(0).body()).contains(name, "从未拜访").doesNotContain(visitedName);
	}
}
