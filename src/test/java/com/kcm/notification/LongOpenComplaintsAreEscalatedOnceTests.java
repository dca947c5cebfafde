package com.kcm.notification;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.complaint.ComplaintNotices;
import com.kcm.complaint.ComplaintJobs;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;
import com.kcm.support.Mailbox.Mail;
import com.kcm.support.MutableClock;

/** SPEC §4.2 step 8: open three months after the first dispatch → escalated once, after-sales and CS told. */
@KcmTest
class LongOpenComplaintsAreEscalatedOnceTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Autowired
	ApplicationContext context;

	@Autowired
	ComplaintNotices complaints;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void at(String isoWithOffset) {
		clock.set(OffsetDateTime.parse(isoWithOffset).toInstant());
	}

	long escalationEvents(long complaintId) {
		return jdbc.sql("select count(*) from complaint_event where complaint_id = :id and type = 'ESCALATED'")
				.param("id", complaintId).query(Long.class).single();
	}

	@Test
	void onlyComplaintsOpenThreeMonthsAfterDispatchAreEscalatedAndOnlyOnce() {
		NotificationFixtures f = new NotificationFixtures(port, network);
		String dealer = f.dealer(f.region(), "立项测试服务商", null, null);
		Api agent = f.user("CS_AGENT", null, null, null);
		Api specialist = f.user("AFTER_SALES", null, null, null);
		String afterSalesMail = NotificationFixtures.email("aftersales");
		String supervisorMail = NotificationFixtures.email("supervisor");
		f.user("AFTER_SALES", null, null, afterSalesMail);
		f.user("CS_SUPERVISOR", null, null, supervisorMail);
		f.user("FINANCE", null, null, NotificationFixtures.email("finance"));

		at("2026-06-01T10:00:00+08:00");
		long old = f.complaint(agent, NotificationFixtures.mobile());
		f.dispatch(specialist, old, dealer);
		at("2026-06-01T10:05:00+08:00");
		long younger = f.complaint(agent, NotificationFixtures.mobile());
		f.dispatch(specialist, younger, dealer);

		at("2026-09-01T10:00:00+08:00");
		new ComplaintJobs(context).escalateDue();
		assertThat(complaints.complaint(old).orElseThrow().escalatedAt())
				.isEqualTo(OffsetDateTime.parse("2026-09-01T10:00:00+08:00").toInstant());
		assertThat(complaints.complaint(younger).orElseThrow().escalatedAt()).isNull();

		at("2026-09-01T10:10:00+08:00");
		new ComplaintJobs(context).escalateDue();
		assertThat(escalationEvents(old)).isEqualTo(1);
		assertThat(escalationEvents(younger)).isEqualTo(1);
		assertThat(complaints.complaint(younger).orElseThrow().escalatedAt())
				.isEqualTo(OffsetDateTime.parse("2026-09-01T10:10:00+08:00").toInstant());
		new ComplaintJobs(context).escalateDue();
		assertThat(escalationEvents(old)).isEqualTo(1);

		List<Mail> toAfterSales = await(() -> about(afterSalesMail, old), m -> !m.isEmpty());
		assertThat(toAfterSales.get(0).subject()).contains("已立项", "3 个月");
		assertThat(toAfterSales.get(0).body()).contains("王先生", "立项测试服务商", "2026-06-01 10:00");
		await(() -> about(supervisorMail, younger), m -> !m.isEmpty());
		await(() -> jdbc.sql("select count(*) from event_publication where completion_date is null "
				+ "and event_type like '%ComplaintEscalated'").query(Long.class).single(), n -> n == 0);
		assertThat(about(afterSalesMail, old)).hasSize(1);
		assertThat(about(supervisorMail, old)).hasSize(1);
	}

	List<Mail> about(String address, long complaintId) {
		return Mailbox.of(greenMail, address).stream().filter(m -> m.subject().contains("抱怨 " + complaintId + " "))
				.toList();
	}
}
