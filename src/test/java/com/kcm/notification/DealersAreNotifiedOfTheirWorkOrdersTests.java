package com.kcm.notification;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.complaint.ComplaintJobs;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;
import com.kcm.support.Mailbox.Mail;
import com.kcm.support.MutableClock;
import com.kcm.support.RecordingSmsGateway;

/** A dealer hears of each new work order, of deadlines coming and passed, and of a returned complaint. */
@KcmTest
class DealersAreNotifiedOfTheirWorkOrdersTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	NotificationFixtures fixtures;
	String dealerEmail;
	String dealerMobile;
	String dealer;
	Api agent;
	Api specialist;

	@BeforeEach
	void setUp() {
		fixtures = new NotificationFixtures(port, network);
		dealerEmail = NotificationFixtures.email("dealer");
		dealerMobile = NotificationFixtures.mobile();
		dealer = fixtures.dealer(fixtures.region(), "通知甲服务商", dealerMobile, dealerEmail);
		agent = fixtures.user("CS_AGENT", null, null, null);
		specialist = fixtures.user("AFTER_SALES", null, null, null);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void at(String isoWithOffset) {
		clock.set(OffsetDateTime.parse(isoWithOffset).toInstant());
	}

	List<Mail> mails() {
		return Mailbox.of(greenMail, dealerEmail);
	}

	/** Waits until no publication of the complaint's events is outstanding any more. */
	void settled(long complaintId) {
		await(() -> jdbc.sql("select count(*) from event_publication where completion_date is null "
				+ "and serialized_event like :id").param("id", "%\"complaintId\":" + complaintId + ",%")
				.query(Long.class).single(), n -> n == 0);
	}

	@Test
	void aDispatchSendsTheDealerOneMailWithTheDeadlinesAndOneSms() {
		at("2026-11-02T10:00:00+08:00");
		String customerPhone = NotificationFixtures.mobile();
		long id = fixtures.complaint(agent, customerPhone);
		fixtures.dispatch(specialist, id, dealer);

		List<Mail> mails = await(this::mails, m -> !m.isEmpty());
		settled(id);
		assertThat(mails()).hasSize(1);
		Mail mail = mails.get(0);
		assertThat(mail.subject()).contains("新派工单", String.valueOf(id), "王先生");
		assertThat(mail.body()).contains("通知甲服务商", "抱怨编号：" + id, "客户：王先生", "服务过程",
				"确认期限：2026-11-03 00:00", "首次回复期限：2026-11-03 10:00", "闭环期限：2026-11-05 16:30",
				"http://localhost:8080/complaints/" + id);
		assertThat(mail.body()).doesNotContain(customerPhone, customerPhone.substring(7));

		assertThat(sms.to(dealerMobile)).singleElement()
				.satisfies(s -> assertThat(s.text()).contains(String.valueOf(id), "王先生").doesNotContain(customerPhone));
		Long recorded = jdbc.sql("select count(*) from notification where complaint_id = :id and status = 'SENT'")
				.param("id", id).query(Long.class).single();
		assertThat(recorded).isEqualTo(2);
	}

	@Test
	void theDeadlineSweepWarnsOnceBeforeAndOnceAfterTheConfirmationDeadline() {
		at("2026-11-02T10:00:00+08:00");
		long id = fixtures.complaint(agent, NotificationFixtures.mobile());
		fixtures.dispatch(specialist, id, dealer);
		await(this::mails, m -> m.size() == 1);

		at("2026-11-02T23:00:00+08:00");
		new ComplaintJobs(context).sweepDeadlines();
		new ComplaintJobs(context).sweepDeadlines();
		List<Mail> dueSoon = await(this::mails, m -> m.size() == 2);
		assertThat(dueSoon.get(1).subject()).contains("即将到期", String.valueOf(id), "确认");
		assertThat(dueSoon.get(1).body()).contains("2026-11-03 00:00");

		at("2026-11-03T01:00:00+08:00");
		new ComplaintJobs(context).sweepDeadlines();
		List<Mail> overdue = await(this::mails, m -> m.size() == 3);
		assertThat(overdue.get(2).subject()).contains("已超期", String.valueOf(id), "确认");

		clock.advance(Duration.ofMinutes(10));
		new ComplaintJobs(context).sweepDeadlines();
		settled(id);
		assertThat(mails()).hasSize(3);
		assertThat(sms.to(dealerMobile)).hasSize(3);
	}

	@Test
	void aComplaintReturnedByTheCallbackIsAnnouncedToTheDealer() {
		at("2026-11-02T10:00:00+08:00");
		long id = fixtures.complaint(agent, NotificationFixtures.mobile());
		long wo = fixtures.dispatch(specialist, id, dealer);
		Api dealerUser = fixtures.user("DEALER", dealer, null, null);
		at("2026-11-02T15:00:00+08:00");
		assertThat(dealerUser.post("/complaints/" + id + "/work-orders/" + wo + "/replies",
				Map.of("contactedCustomerAt", "2026-11-02T11:00:00+08:00", "final", true, "text", "已处理")).status())
				.isEqualTo(201);
		at("2026-11-03T09:00:00+08:00");
		assertThat(specialist.post("/complaints/" + id + "/closure-request", Map.of()).status()).isEqualTo(200);
		at("2026-11-03T14:00:00+08:00");
		assertThat(agent.post("/complaints/" + id + "/callbacks", Map.of("reached", true, "resolved", false,
				"satisfied", false, "falseReply", false)).status()).isEqualTo(201);

		List<Mail> mails = await(this::mails, m -> m.size() == 2);
		assertThat(mails.get(1).subject()).contains("回访未解决", String.valueOf(id));
		assertThat(mails.get(1).body()).contains("2026-11-03 14:00");
	}
}
