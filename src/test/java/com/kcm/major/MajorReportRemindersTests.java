package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Eventually;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.RecordingSmsGateway;
import com.kcm.support.RecordingSmsGateway.Sms;

/** The dealer hears that a complaint became major, and is reminded of the written report before and after its deadline. */
@KcmTest
class MajorReportRemindersTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	MajorReportSweep sweep;

	@Autowired
	RecordingSmsGateway sms;

	MajorFixtures f;
	String mobile;
	String dealer;

	@BeforeEach
	void setUp() {
		f = new MajorFixtures(port, network, clock);
		mobile = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		dealer = MajorFixtures.code("S");
		network.createDealer(new DealerCommand(dealer, "提醒服务商", "4S", f.region, "ACTIVE", "2020-01-01", 3, mobile,
				null));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	List<String> majorTexts() {
		return sms.to(mobile).stream().map(Sms::text).filter(t -> t.contains("重大抱怨")).toList();
	}

	@Test
	void theDealerIsToldOfTheFlagThenRemindedOnceBeforeAndOnceAfterTheDeadline() {
		f.at("2026-11-02T10:00:00+08:00");
		long complaint = f.dispatchedComplaint(dealer);
		f.flagged(complaint);
		List<String> flagged = Eventually.await(this::majorTexts, l -> l.size() == 1);
		assertThat(flagged.get(0)).contains("抱怨" + complaint, "11-02 12:00", "11-04 16:30");

		f.at("2026-11-04T12:00:00+08:00"); // 4.5 h before 16:30: not yet
		sweep.sweep();
		f.at("2026-11-04T12:31:00+08:00");
		sweep.sweep();
		sweep.sweep();
		List<String> soon = Eventually.await(this::majorTexts, l -> l.size() == 2);
		assertThat(soon.get(1)).contains("将于", "16:30");

		f.at("2026-11-04T16:31:00+08:00");
		sweep.sweep();
		sweep.sweep();
		List<String> overdue = Eventually.await(this::majorTexts, l -> l.size() == 3);
		assertThat(overdue.get(2)).contains("逾期");
		assertThat(f.afterSales.get("/major-complaints?size=100").json().get("items").findValues("reportOverdue")
				.stream().anyMatch(v -> v.asBoolean())).isTrue();
	}
}
