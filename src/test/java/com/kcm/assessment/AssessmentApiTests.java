package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.dealer.StatusChange;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/** Appendix A's assessment calls through HTTP: visits and limits, penalties, media incidents, conditions, money. */
@KcmTest
class AssessmentApiTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	Api specialist;
	Api manager;
	String region;

	static String code(String p) {
		return p + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	Api user(String role, String dealerCode) {
		return new Api(port).as(Api.createUser(port, "a", role, dealerCode), "secret-123");
	}

	String dealer(String type, String acceptedOn) {
		String code = code("D");
		network.createDealer(new DealerCommand(code, "考核服务商", type, region, "ACTIVE", acceptedOn, 3, null, null));
		return code;
	}

	@BeforeEach
	void setUp() {
		region = code("R");
		network.createRegion(new RegionCommand(region, "考核大区"));
		specialist = user("AFTER_SALES", null);
		manager = user("AFTER_SALES_MANAGER", null);
	}

	@Test
	void aBadServiceVisitRowIsNamedAndNothingIsRecorded() {
		String d = dealer("4S", "2020-01-01");
		Api.Answer a = specialist.post("/service-visits", List.of(Map.of("dealerCode", d, "month", "2026-01", "visits", 250),
				Map.of("dealerCode", d, "month", "2026-13", "visits", 10), Map.of("dealerCode", "NOPE", "month", "2026-02",
						"visits", 1)));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").findValues("index")).extracting(JsonNode::asInt).containsExactly(1, 2);
		computeApril();
		assertThat(limitOf(d)).as("no visits recorded: average 0 → limit 1").isEqualTo(1);
	}

	@Test
	void theLimitComesFromThePreviousQuartersAverageVisitsThroughTheBands() {
		String d300 = dealer("4S", "2020-01-01");
		String d299 = dealer("4S", "2020-01-01");
		String d1750 = dealer("3S", "2020-01-01");
		assertThat(specialist.post("/service-visits", List.of(
				Map.of("dealerCode", d300, "month", "2026-01", "visits", 250),
				Map.of("dealerCode", d300, "month", "2026-02", "visits", 300),
				Map.of("dealerCode", d300, "month", "2026-03", "visits", 350),
				Map.of("dealerCode", d299, "month", "2026-01", "visits", 299),
				Map.of("dealerCode", d299, "month", "2026-02", "visits", 300),
				Map.of("dealerCode", d1750, "month", "2026-01", "visits", 5250))).status()).isEqualTo(200);
		computeApril();
		assertThat(limitOf(d300)).as("average 300 → [300, 600) → 3").isEqualTo(3);
		assertThat(limitOf(d299)).as("average 199.67 (March missing = 0) → 2").isEqualTo(2);
		assertThat(limitOf(d1750)).as("average 1750 → 5 + ⌊750 / 500⌋").isEqualTo(6);

		assertThat(specialist.post("/limit-overrides", Map.of("dealerCode", d300, "month", "2026-05", "limit", 9)).status())
				.as("reason required").isEqualTo(422);
		assertThat(specialist.post("/limit-overrides", Map.of("dealerCode", d300, "month", "2026-05", "limit", 9,
				"reason", "新店开业促销季")).status()).isEqualTo(200);
		computeApril();
		assertThat(limitOf(d300)).as("the override holds for the whole quarter Q2").isEqualTo(9);
	}

	@Test
	void penaltiesOutsideTheRangeOrForNewDealersAreRefusedAndOnlyApprovedOnesCount() {
		String d = dealer("4S", "2020-01-01");
		String fresh = dealer("4S", "2026-03-01");
		assertThat(specialist.post("/penalties", Map.of("dealerCode", d, "month", "2026-04", "amount", 999.99,
				"reason", "x")).status()).isEqualTo(422);
		assertThat(specialist.post("/penalties", Map.of("dealerCode", d, "month", "2026-04", "amount", 10000.01,
				"reason", "x")).status()).isEqualTo(422);
		Api.Answer tooNew = specialist.post("/penalties", Map.of("dealerCode", fresh, "month", "2026-04", "amount", 2000,
				"reason", "处理不及时"));
		assertThat(tooNew.status()).isEqualTo(422);
		assertThat(tooNew.json().get("errors").get(0).get("field").asString()).isEqualTo("dealerCode");

		long approved = specialist.post("/penalties", Map.of("dealerCode", d, "month", "2026-04", "amount", 1500,
				"reason", "负面舆情处置不力")).json().get("id").asLong();
		specialist.post("/penalties", Map.of("dealerCode", d, "month", "2026-04", "amount", 10000, "reason", "未批准"));
		assertThat(specialist.post("/penalties/" + approved + "/approve", Map.of()).status()).isEqualTo(403);
		assertThat(manager.post("/penalties/" + approved + "/approve", Map.of()).status()).isEqualTo(200);

		JsonNode a = computeApril(d);
		assertThat(a.get("supportAmount").decimalValue()).isEqualByComparingTo("3000.00");
		assertThat(a.get("penaltyAmount").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(a.get("netAmount").decimalValue()).isEqualByComparingTo("1500.00");
	}

	@Test
	void aMediaIncidentOrAnInactiveDayCostsTheSupportAndPenaltiesAreOwedAnyway() {
		String exposed = dealer("3S", "2020-01-01");
		String suspended = dealer("4S", "2020-01-01");
		assertThat(specialist.post("/media-incidents", Map.of("dealerCode", exposed, "at", "2026-04-12T10:00:00+08:00",
				"description", "微博负面曝光，服务商未及时处理")).status()).isEqualTo(201);
		network.changeStatus(suspended, new StatusChange("SUSPENDED", "2026-04-10", "整改"));
		network.changeStatus(suspended, new StatusChange("ACTIVE", "2026-05-01", "恢复"));
		long p = specialist.post("/penalties", Map.of("dealerCode", exposed, "month", "2026-04", "amount", 2000,
				"reason", "负面曝光")).json().get("id").asLong();
		manager.post("/penalties/" + p + "/approve", Map.of());

		JsonNode a = computeApril(exposed);
		assertThat(condition(a, "NO_MEDIA_EXPOSURE").get("met").asBoolean()).isFalse();
		assertThat(condition(a, "NO_MEDIA_EXPOSURE").get("figure").asInt()).isEqualTo(1);
		assertThat(condition(a, "FIRST_TIME_CLOSURE").get("figure").isNull()).as("no complaints: null rate, met").isTrue();
		assertThat(condition(a, "FIRST_TIME_CLOSURE").get("met").asBoolean()).isTrue();
		assertThat(a.get("supportAmount").decimalValue()).isEqualByComparingTo("0");
		assertThat(a.get("netAmount").decimalValue()).isEqualByComparingTo("-2000.00");

		JsonNode s = specialist.get("/assessments/2026-04/dealers/" + suspended).json();
		assertThat(condition(s, "ACTIVE_STATUS").get("figure").asInt()).as("April 10..30 suspended").isEqualTo(21);
		assertThat(condition(s, "ACTIVE_STATUS").get("met").asBoolean()).isFalse();
	}

	@Test
	void aDealerUserSeesOnlyItsOwnAssessment() {
		String mine = dealer("4S", "2020-01-01");
		String theirs = dealer("4S", "2020-01-01");
		computeApril();
		Api dealerUser = user("DEALER", mine);
		assertThat(dealerUser.get("/assessments/2026-04/dealers/" + mine).status()).isEqualTo(200);
		assertThat(dealerUser.get("/assessments/2026-04/dealers/" + theirs).status()).isEqualTo(404);
		assertThat(dealerUser.post("/assessments/2026-04/compute", Map.of()).status()).isEqualTo(403);
	}

	private void computeApril() {
		Api.Answer c = specialist.post("/assessments/2026-04/compute", Map.of());
		assertThat(c.status()).as(c.body()).isEqualTo(200);
	}

	private JsonNode computeApril(String dealer) {
		computeApril();
		Api.Answer a = specialist.get("/assessments/2026-04/dealers/" + dealer);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		JsonNode j = a.json();
		assertThat(j.get("cutoff").asString()).isEqualTo("2026-05-15T16:30:00+08:00");
		return j;
	}

	private int limitOf(String dealer) {
		JsonNode a = specialist.get("/assessments/2026-04/dealers/" + dealer).json();
		assertThat(condition(a, "LIMIT").get("threshold").asInt()).isEqualTo(a.get("limit").asInt());
		return a.get("limit").asInt();
	}

	private static JsonNode condition(JsonNode answer, String code) {
		for (JsonNode c : answer.get("conditions")) {
			if (c.get("code").asString().equals(code)) {
				return c;
			}
		}
		throw new AssertionError("no condition " + code);
	}
}
