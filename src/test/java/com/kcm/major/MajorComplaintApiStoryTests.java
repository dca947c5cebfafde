package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.PdfText;

import tools.jackson.databind.JsonNode;

/** A major complaint from the dealer's report to the closed complaint, through the REST API. */
@KcmTest
class MajorComplaintApiStoryTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	MajorFixtures f;

	@BeforeEach
	void setUp() {
		f = new MajorFixtures(port, network, clock);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aDealersReportIsConfirmedDocumentedReportedFollowedUpCompensatedAndClosed() {
		f.at("2026-11-02T09:00:00+08:00");
		long complaint = f.dispatchedComplaint(f.dealer);

		f.at("2026-11-02T09:30:00+08:00");
		Api.Answer reported = f.dealerUser.post("/complaints/" + complaint + "/major",
				Map.of("triggers", List.of("FIRE", "MEDIA_OR_LAWYER"), "note", "客户称将联系媒体"));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long major = reported.json().get("id").asLong();
		assertThat(reported.json().get("status").asString()).isEqualTo("REPORTED");
		assertThat(reported.json().get("reportDueAt").isNull()).isTrue();
		assertThat(f.dealerUser.post("/major-complaints/" + major + "/confirm", Map.of()).status()).isEqualTo(403);

		f.at("2026-11-02T10:00:00+08:00");
		Api.Answer confirmed = f.afterSales.post("/major-complaints/" + major + "/confirm", Map.of());
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		JsonNode c = confirmed.json();
		assertThat(c.get("status").asString()).isEqualTo("OPEN");
		assertThat(c.get("phoneReportDueAt").asString()).isEqualTo("2026-11-02T12:00:00+08:00");
		// day-limit N = 2 from Mon 10:00: business date 11-02 + 2 = Wed 11-04 16:30
		assertThat(c.get("reportDueAt").asString()).isEqualTo("2026-11-04T16:30:00+08:00");
		assertThat(c.get("completeness").get("present").asInt()).isZero();
		assertThat(c.get("completeness").get("total").asInt()).isEqualTo(22);

		// the phone report came late: 12:30 > 12:00
		f.at("2026-11-02T13:00:00+08:00");
		Api.Answer phoned = f.dealerUser.post("/major-complaints/" + major + "/phone-report",
				Map.of("at", "2026-11-02T12:30:00+08:00", "to", "大区经理 李强"));
		assertThat(phoned.status()).as(phoned.body()).isEqualTo(200);
		assertThat(phoned.json().get("phoneReportOverdue").asBoolean()).isTrue();

		Api.Answer filled = f.dealerUser.put("/major-complaints/" + major + "/dossier", MajorFixtures.fullDossier());
		assertThat(filled.status()).as(filled.body()).isEqualTo(200);
		assertThat(filled.json().get("completeness").get("present").asInt()).isEqualTo(14);
		JsonNode contact = item(filled.json(), "CUSTOMER_CONTACT");
		assertThat(contact.get("text").asString()).isEqualTo("139****5678");
		assertThat(contact.get("suppliedBy").asString()).isEqualTo(f.dealerUsername);
		assertThat(contact.get("suppliedAt").asString()).isEqualTo("2026-11-02T13:00:00+08:00");

		List<String> photos = List.of("PHOTO_FRONT", "PHOTO_FRONT_LEFT", "PHOTO_FRONT_RIGHT", "PHOTO_REAR",
				"PHOTO_REAR_LEFT", "PHOTO_REAR_RIGHT", "PHOTO_DAMAGE");
		for (String slot : photos) {
			Api.Answer up = f.dealerUser.upload("/major-complaints/" + major + "/attachments?slot=" + slot, "p.jpg",
					MajorFixtures.jpeg(Color.RED));
			assertThat(up.status()).as(up.body()).isEqualTo(201);
		}
		JsonNode almost = f.regional.get("/major-complaints/" + major).json();
		assertThat(almost.get("completeness").get("present").asInt()).isEqualTo(21);
		assertThat(item(almost, "PHOTO_SCENE").get("present").asBoolean()).isFalse();
		Api.Answer scene = f.regional.upload("/major-complaints/" + major + "/attachments?slot=PHOTO_SCENE", "scene.png",
				MajorFixtures.png(80, 60));
		assertThat(scene.status()).as(scene.body()).isEqualTo(201);
		assertThat(scene.json().get("contentType").asString()).isEqualTo("image/png");

		assertThat(f.dealerUser.post("/major-complaints/" + major + "/report/submit", Map.of()).status())
				.isEqualTo(422); // not generated yet
		Api.Answer generated = f.dealerUser.post("/major-complaints/" + major + "/report", Map.of());
		assertThat(generated.status()).as(generated.body()).isEqualTo(201);
		Api.Bytes pdf = f.dealerUser.getBytes("/attachments/" + generated.json().get("id").asLong());
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		String text = PdfText.of(pdf.body());
		assertThat(text).contains("关于张伟客户抱怨的报告", "车辆自燃", "线束磨损短路", "协商置换新车", "139****5678")
				.doesNotContain("13912345678").doesNotContain("缺失");

		f.at("2026-11-04T15:00:00+08:00");
		Api.Answer submitted = f.dealerUser.post("/major-complaints/" + major + "/report/submit", Map.of());
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("REPORT_SUBMITTED");
		assertThat(submitted.json().get("reportOverdue").asBoolean()).isFalse();
		assertThat(f.dealerUser.put("/major-complaints/" + major + "/dossier", Map.of("CAUSE", "改")).status())
				.isEqualTo(422);

		f.at("2026-11-05T10:00:00+08:00");
		assertThat(f.regional.post("/major-complaints/" + major + "/follow-ups",
				Map.of("kind", "VISIT", "at", "2026-11-05T09:00:00+08:00", "note", "与服务商一同走访客户")).status())
				.isEqualTo(201);
		assertThat(f.dealerUser.post("/major-complaints/" + major + "/result", Map.of("note", "自己确认")).status())
				.isEqualTo(403);
		Api.Answer result = f.regional.post("/major-complaints/" + major + "/result", Map.of("note", "客户接受置换方案"));
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("status").asString()).isEqualTo("RESULT_CONFIRMED");

		Api.Answer claim = f.dealerUser.post("/major-complaints/" + major + "/special-claims", Map.of("amount", "35000.00",
				"materials", List.of("VEHICLE_LICENCE", "OWNER_ID", "PURCHASE_INVOICE", "AGREEMENT_AND_RECEIPTS")));
		assertThat(claim.status()).as(claim.body()).isEqualTo(201);
		long claimId = claim.json().get("id").asLong();
		Api.Answer trip = f.dealerUser.post("/major-complaints/" + major + "/outbound-claims", Map.of("trip",
				"北京—保定 现场处理", "from", "2026-11-03", "to", "2026-11-04", "travelAmount", "420.50", "lodgingAmount", "300"));
		assertThat(trip.status()).as(trip.body()).isEqualTo(201);
		assertThat(trip.json().get("amount").decimalValue()).isEqualByComparingTo("720.50");
		assertThat(f.afterSales.post("/major-claims/" + claimId + "/approve", Map.of()).status()).isEqualTo(403);
		Api.Answer approved = f.manager.post("/major-claims/" + claimId + "/approve", Map.of("note", "同意"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

		// the complaint closes through the normal complaint flow
		long workOrder = f.afterSales.get("/complaints/" + complaint).json().get("workOrders").get(0).get("id").asLong();
		JsonNode wos = f.dealerUser.get("/work-orders?open=true&size=200").json().get("items");
		for (JsonNode w : wos) {
			if (w.get("complaintId").asLong() == complaint) {
				workOrder = w.get("id").asLong();
			}
		}
		assertThat(f.dealerUser.post("/complaints/" + complaint + "/work-orders/" + workOrder + "/replies",
				Map.of("contactedCustomerAt", "2026-11-02T10:00:00+08:00", "final", true, "text", "已置换新车",
						"faultCause", "线束短路", "qualityDefect", true, "partsReplaced", List.of())).status())
				.isEqualTo(201);
		assertThat(f.afterSales.post("/complaints/" + complaint + "/closure-request", Map.of()).status()).isEqualTo(200);
		f.at("2026-11-05T14:00:00+08:00");
		Api.Answer closed = f.agent.post("/complaints/" + complaint + "/callbacks",
				Map.of("reached", true, "resolved", true, "satisfied", true, "falseReply", false));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		JsonNode end = f.afterSales.get("/major-complaints/" + major).json();
		assertThat(end.get("complaintStatus").asString()).isEqualTo("CLOSED");
		assertThat(end.get("followUps").get(0).get("note").asString()).isEqualTo("与服务商一同走访客户");
	}

	static JsonNode item(JsonNode view, String item) {
		for (JsonNode i : view.get("dossier")) {
			if (i.get("item").asString().equals(item)) {
				return i;
			}
		}
		throw new AssertionError("no item " + item);
	}
}
