package com.kcm.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.calendar.BusinessCalendar;
import com.kcm.customer.CareRecipients;
import com.kcm.dealer.DealerNetwork;
import com.kcm.policy.Policies;
import com.kcm.quality.RepairHistory;
import com.kcm.shared.jobs.ClusterJobs;
import com.kcm.support.Api;
import com.kcm.support.Eventually;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.RecordingSmsGateway;

/**
 * The daily care job and its sender (SPEC §7.5): birthday (field or ID number), holiday block, purchase
 * anniversary and maintenance messages, each once per customer, occasion and year across runs and a restart,
 * and none without CARE consent in force when the message is sent.
 */
@KcmTest
class CareMessagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DealerNetwork network;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	CareJob job;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	CareTemplates templates;

	@Autowired
	CareRecipients recipients;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	RepairHistory repairs;

	@Autowired
	Policies policies;

	@Autowired
	ClusterJobs jobs;

	@Autowired
	ApplicationEventPublisher events;

	ConsentFixtures f;
	String dealer;

	/** At that instant (09:00 in Beijing), with a fresh sign-in (a token from the real now would have expired). */
	private void at(String instant) {
		clock.set(Instant.parse(instant));
		f = new ConsentFixtures(port);
		dealer = ConsentFixtures.dealer(network);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long customerWithCare(String name, String mobile, String birthday, String idNumber) {
		long id = f.customer(name, mobile, birthday, idNumber);
		f.consent(id, "CARE", "GIVEN");
		return id;
	}

	private String status(long customerId, String occasion) {
		return jdbc.sql("select status from care_send where customer_id = ? and occasion = ?").params(customerId, occasion)
				.query(String.class).optional().orElse(null);
	}

	private List<RecordingSmsGateway.Sms> awaitSms(String mobile, int count) {
		return Eventually.await(() -> sms.to(mobile), l -> l.size() >= count, Duration.ofSeconds(20));
	}

	private void calendarDay(String date, String kind) {
		Api.Answer a = f.admin.post("/calendar/days", List.of(Map.of("date", date, "kind", kind)));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
	}

	@Test
	void theJobSendsEachOccasionOnceAcrossTwoRunsAndARestart() {
		at("2031-05-13T01:00:00Z"); // a Tuesday after a working Monday: the first day of a holiday block
		calendarDay("2031-05-13", "HOLIDAY");
		try {
			String birthdayMobile = ConsentFixtures.mobile();
			long birthday = customerWithCare("生日客户", birthdayMobile, "1990-05-13", null);
			f.vehicle(birthday, dealer, "2030-01-20", "京AB0512");
			String idMobile = ConsentFixtures.mobile();
			long byIdNumber = customerWithCare("身份证生日", idMobile, null, ConsentFixtures.idNumber("19850513"));
			String anniversaryMobile = ConsentFixtures.mobile();
			long anniversary = customerWithCare("周年客户", anniversaryMobile, null, null);
			f.vehicle(anniversary, dealer, "2029-05-13", "沪CZ0512");
			String maintenanceMobile = ConsentFixtures.mobile();
			long maintenance = customerWithCare("保养客户", maintenanceMobile, null, null);
			String vin = f.vehicle(maintenance, dealer, "2028-01-03", "粤BM0512");
			Map<String, Object> order = new LinkedHashMap<>();
			order.put("vin", vin);
			order.put("dealerCode", dealer);
			order.put("repairOrderNo", ConsentFixtures.code("RO"));
			order.put("openedAt", "2030-11-13T10:00:00+08:00"); // six months (the policy's default) before today
			order.put("closedAt", "2030-11-13T16:00:00+08:00");
			order.put("mileageKm", 30_000);
			order.put("system", "OTHER");
			order.put("faultCode", "MAINT-01");
			order.put("qualityProblem", false);
			order.put("seriousSafetyFault", false);
			order.put("replaced", List.of());
			Api.Answer ro = f.admin.post("/repair-orders", List.of(order));
			assertThat(ro.status()).as(ro.body()).isEqualTo(200);

			int first = job.run();
			assertThat(first).isGreaterThanOrEqualTo(8);
			assertThat(awaitSms(birthdayMobile, 2)).extracting(RecordingSmsGateway.Sms::text)
					.anyMatch(t -> t.contains("生日客户") && t.contains("生日快乐") && t.contains("关怀测试服务商"))
					.anyMatch(t -> t.contains("节日快乐"));
			assertThat(awaitSms(idMobile, 2)).extracting(RecordingSmsGateway.Sms::text).anyMatch(t -> t.contains("生日快乐"));
			assertThat(awaitSms(anniversaryMobile, 2)).extracting(RecordingSmsGateway.Sms::text)
					.anyMatch(t -> t.contains("沪CZ0512") && t.contains("又一年"));
			assertThat(awaitSms(maintenanceMobile, 2)).extracting(RecordingSmsGateway.Sms::text)
					.anyMatch(t -> t.contains("粤BM0512") && t.contains("保养"));
			Eventually.await(() -> status(maintenance, "MAINTENANCE"), "SENT"::equals);
			for (long id : new long[] { birthday, byIdNumber, anniversary, maintenance }) {
				Eventually.await(() -> status(id, "HOLIDAY"), "SENT"::equals);
			}
			assertThat(f.admin.get("/customers/" + birthday + "/communications").body()).contains("\"channel\":\"SMS\"",
					"\"direction\":\"OUT\"", "生日快乐");

			// a second run the same day, then a restart (a new job on the same database): nothing again
			assertThat(job.run()).isZero();
			CareJob restarted = new CareJob(templates, recipients, consents, calendar, repairs, policies, jobs, events, jdbc,
					transactions, (Clock) clock);
			assertThat(restarted.run()).isZero();
			// even a redelivered event sends nothing twice
			long sendId = jdbc.sql("select id from care_send where customer_id = ? and occasion = 'BIRTHDAY'")
					.param(birthday).query(Long.class).single();
			new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new CareMessageDue(sendId)));
			try {
				Thread.sleep(1500);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			assertThat(sms.to(birthdayMobile)).hasSize(2);
			assertThat(sms.to(idMobile)).hasSize(2);
			assertThat(sms.to(anniversaryMobile)).hasSize(2);
			assertThat(sms.to(maintenanceMobile)).hasSize(2);
			assertThat(jdbc.sql("select count(*) from care_send where customer_id = ?").param(birthday).query(Long.class)
					.single()).isEqualTo(2);
		} finally {
			calendarDay("2031-05-13", "WORKDAY");
		}
	}

	@Test
	void noCareMessageGoesToACustomerWithoutCareConsentInForceWhenItIsSent() {
		at("2032-03-09T01:00:00Z");
		String neverMobile = ConsentFixtures.mobile();
		long never = f.customer("从未同意", neverMobile, "1980-03-09", null);
		f.consent(never, "MARKETING", "GIVEN");
		String earlierMobile = ConsentFixtures.mobile();
		long earlier = customerWithCare("早已撤回", earlierMobile, "1981-03-09", null);
		f.consent(earlier, "CARE", "WITHDRAWN");
		String meanwhileMobile = ConsentFixtures.mobile();
		long meanwhile = customerWithCare("选定后撤回", meanwhileMobile, "1982-03-09", null);
		String keptMobile = ConsentFixtures.mobile();
		long kept = customerWithCare("保持同意", keptMobile, "1983-03-09", null);

		// chosen, then the customer withdraws before the outbox delivers the message
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			job.run();
			assertThat(status(meanwhile, "BIRTHDAY")).isEqualTo("PENDING");
			consents.withdrawByMobile(meanwhileMobile, EnumSet.of(ConsentPurpose.CARE), ConsentChannel.PHONE, "测试坐席", null);
		});

		awaitSms(keptMobile, 1);
		Eventually.await(() -> status(meanwhile, "BIRTHDAY"), "NO_CONSENT"::equals);
		assertThat(sms.to(meanwhileMobile)).isEmpty();
		assertThat(status(never, "BIRTHDAY")).isNull();
		assertThat(status(earlier, "BIRTHDAY")).isNull();
		assertThat(sms.to(neverMobile)).isEmpty();
		assertThat(sms.to(earlierMobile)).isEmpty();
		assertThat(f.admin.get("/customers/" + meanwhile + "/communications").body()).doesNotContain("生日快乐");
	}
}
