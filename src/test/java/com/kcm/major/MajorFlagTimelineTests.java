package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.complaint.Category;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.complaint.HandlingFact;
import com.kcm.complaint.HandlingFacts;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** Flagging a complaint as major, or confirming a reported one, is a line of the complaint's timeline. */
@KcmTest
class MajorFlagTimelineTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	DealerNetwork network;

	@Autowired
	DealerCatalog dealers;

	@Autowired
	HandlingFacts facts;

	@Autowired
	MutableClock clock;

	MajorFixtures f;
	MockHttpSession session;

	@BeforeEach
	void setUp() throws Exception {
		f = new MajorFixtures(port, network, clock);
		String viewer = Api.createUser(port, "mt", "AFTER_SALES", null);
		session = (MockHttpSession) mvc.perform(formLogin("/login").user(viewer).password("secret-123")).andReturn()
				.getRequest().getSession(false);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String timeline(long complaintId) throws Exception {
		MvcResult r = mvc.perform(get("/complaints/" + complaintId).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		String page = r.getResponse().getContentAsString();
		return page.substring(page.indexOf("id=\"timeline\""));
	}

	@Test
	void flaggingAddsATimelineLineWithTheTriggersAndLeavesTheStatusAsItWas() throws Exception {
		f.at("2026-11-03T09:00:00+08:00");
		long complaint = f.dispatchedComplaint(f.dealer);
		clock.advance(Duration.ofHours(2));
		long major = f.flagged(complaint);
		String timeline = timeline(complaint);
		assertThat(timeline).contains("data-event=\"MAJOR_FLAGGED\"").contains("标记为重大抱怨")
				.contains("重大抱怨 #" + major + "：车辆自燃：车辆自燃").contains("2026-11-03 11:00");
		assertThat(timeline.split("data-event=\"MAJOR_FLAGGED\"", -1)).hasSize(2);
		assertThat(f.afterSales.get("/complaints/" + complaint).json().get("status").asString()).isEqualTo("DISPATCHED");

		// the assessment's facts read the same status and category after the new line as before it
		Instant dispatched = OffsetDateTime.parse("2026-11-03T09:00:00+08:00").toInstant();
		long dealerId = dealers.byCode(f.dealer).orElseThrow().id();
		List<HandlingFact> rows = facts.dispatchedBetween(dispatched.minusSeconds(60), dispatched.plusSeconds(60),
				dispatched.plus(Duration.ofDays(1)), dispatched.minus(Duration.ofDays(30)), dealerId);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).statusAtCutoff()).isEqualTo(ComplaintStatus.DISPATCHED);
		assertThat(rows.get(0).categoryAtCutoff()).isEqualTo(Category.PRODUCT_QUALITY);
		assertThat(rows.get(0).closedAt()).isNull();
	}

	@Test
	void aReportedMajorComplaintEntersTheTimelineWhenAfterSalesConfirmsIt() throws Exception {
		f.at("2026-11-04T10:00:00+08:00");
		long complaint = f.dispatchedComplaint(f.dealer);
		Api.Answer reported = f.dealerUser.post("/complaints/" + complaint + "/major",
				Map.of("triggers", List.of("GROUP_COMPLAINT"), "note", "五位车主联名"));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long major = reported.json().get("id").asLong();
		assertThat(timeline(complaint)).doesNotContain("MAJOR_FLAGGED");
		clock.advance(Duration.ofMinutes(30));
		assertThat(f.afterSales.post("/major-complaints/" + major + "/confirm", Map.of()).status()).isEqualTo(200);
		assertThat(timeline(complaint)).contains("data-event=\"MAJOR_FLAGGED\"")
				.contains("重大抱怨 #" + major + "（" + f.dealerUsername + " 上报，已确认）：群诉：五位车主联名")
				.contains("2026-11-04 10:30");
	}
}
