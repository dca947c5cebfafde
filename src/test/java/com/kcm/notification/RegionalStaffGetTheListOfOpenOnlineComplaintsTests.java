package com.kcm.notification;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;
import com.kcm.support.Mailbox.Mail;
import com.kcm.support.MutableClock;

/** SPEC §4.4: the open online complaints of a region are mailed to its regional staff once per period. */
@KcmTest
class RegionalStaffGetTheListOfOpenOnlineComplaintsTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Autowired
	OnlineComplaintLists lists;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void at(String isoWithOffset) {
		clock.set(OffsetDateTime.parse(isoWithOffset).toInstant());
	}

	@Test
	void theRegionsStaffGetTheirRegionsOpenOnlineComplaintsOncePerWeek() {
		NotificationFixtures f = new NotificationFixtures(port, network);
		String region = f.region();
		String otherRegion = f.region();
		String dealer = f.dealer(region, "网络抱怨测试服务商", null, null);
		String regionalMail = NotificationFixtures.email("regional");
		String otherMail = NotificationFixtures.email("other-regional");
		f.user("REGIONAL", null, region, regionalMail);
		f.user("REGIONAL", null, otherRegion, otherMail);
		Api specialist = f.user("AFTER_SALES", null, null, null);

		at("2026-11-04T09:30:00+08:00");
		Api.Answer created = specialist.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "ONLINE",
				"description", "论坛发帖：保养后发动机异响", "customer", Map.of("name", "车友小王"), "online",
				Map.of("platform", "汽车之家", "url", "https://example.com/t/1", "negative", true, "handle", "车友小王",
						"postedAt", "2026-11-04T09:00:00+08:00")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Api.Answer dispatched = specialist.post("/complaints/" + id + "/dispatch", Map.of("dealerCode", dealer,
				"category", "SERVICE_PROCESS", "dealerContact", "李经理"));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);

		at("2026-11-09T08:00:00+08:00");
		assertThat(lists.issueDue()).isPositive();
		List<Mail> mails = await(() -> Mailbox.of(greenMail, regionalMail), m -> !m.isEmpty());
		assertThat(mails.get(0).subject()).contains("未闭环网络抱怨清单", "2026-11-09");
		assertThat(mails.get(0).body()).contains("抱怨 " + id, "车友小王", "网络抱怨测试服务商", "2026-11-04 09:30");

		at("2026-11-10T08:00:00+08:00");
		lists.issueDue();
		await(() -> jdbc.sql("select count(*) from event_publication where completion_date is null "
				+ "and event_type like '%OnlineListDue'").query(Long.class).single(), n -> n == 0);
		assertThat(Mailbox.of(greenMail, regionalMail)).hasSize(1);
		assertThat(Mailbox.of(greenMail, otherMail)).noneMatch(m -> m.body().contains("抱怨 " + id + "｜"));
	}
}
