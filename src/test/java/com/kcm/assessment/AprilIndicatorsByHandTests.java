package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * A month built by the history import (Appendix A) — on-time and late replies, a false reply, unreachable
 * customers, a reopening, a transfer, a re-dispatch, a forced closure, a repair request, online
 * carry-over, events after the cut-off and the Qingming holiday (2026-04-04..06) — with every indicator
 * of SPEC §5.1 computed by hand in the comments.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AprilIndicatorsByHandTests {

	static final YearMonth APRIL = YearMonth.of(2026, 4);

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	DealerCatalog dealers;

	@Autowired
	Assessments assessments;

	String a;
	String b;

	@BeforeAll
	void importApril() {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "考核大区"));
		a = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		b = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(a, "甲", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		network.createDealer(new DealerCommand(b, "乙", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));

		List<Map<String, Object>> h = new ArrayList<>();
		// C1 service process: replied and contacted within 24 h, closed on the first callback, satisfied.
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("04-02T09:00"), disp("04-02T10:00", a),
				reply("04-02T15:00", "04-02T11:00", true), ev("CLOSURE_REQUESTED", "04-03T09:00"),
				callback("04-03T14:00", true, true, true, false)));
		// C2: late reply and late contact (due 04-04 09:00), first callback returns it and finds a false reply,
		// the second closes it satisfied: closed, but not on the first pass.
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("04-03T08:00"), disp("04-03T09:00", a),
				reply("04-04T10:00", "04-04T09:30", true), ev("CLOSURE_REQUESTED", "04-08T09:00"),
				callback("04-08T10:00", true, false, false, true), reply("04-09T10:00", null, true),
				ev("CLOSURE_REQUESTED", "04-09T11:00"), callback("04-10T10:00", true, true, true, false)));
		// C3 product quality: three unreachable callbacks on two days, closed unreachable.
		h.add(history("HOTLINE_400", "PRODUCT_QUALITY", reg("04-07T09:00"), disp("04-07T10:00", a),
				pqReply("04-07T12:00", "04-07T11:00"), ev("CLOSURE_REQUESTED", "04-08T09:00"),
				callback("04-08T10:00", false, null, null, null), callback("04-08T15:00", false, null, null, null),
				callback("04-09T10:00", false, null, null, null), ev("CLOSED_UNREACHABLE", "04-09T11:00")));
		// C4 technical capability: the latest callback did not reach the customer: unreachable.
		h.add(history("HOTLINE_400", "TECHNICAL_CAPABILITY", reg("04-08T09:00"), disp("04-08T10:00", a),
				reply("04-08T12:00", "04-08T11:00", true), ev("CLOSURE_REQUESTED", "04-09T09:00"),
				callback("04-09T10:00", false, null, null, null)));
		// C5 category OTHER: force-closed (not counted against the limit, closed for the closure rate).
		h.add(history("HOTLINE_400", "OTHER", reg("04-10T09:00"), disp("04-10T10:00", a),
				reply("04-10T11:00", "04-10T10:30", false), forceClosed("04-20T10:00")));
		// C6 channel OTHER (a letter): closed resolved but not satisfied — first pass, not satisfied, not in the limit.
		h.add(history("OTHER", "SERVICE_PROCESS", reg("04-13T09:00"), disp("04-13T10:00", a),
				reply("04-13T12:00", "04-13T11:00", true), ev("CLOSURE_REQUESTED", "04-14T09:00"),
				callback("04-14T14:00", true, true, false, false)));
		// C7: transferred to B, which handles and closes it; A stays responsible; closed before A's deadline.
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("04-15T09:00"), disp("04-15T10:00", a),
				transfer("04-16T10:00", b), reply("04-16T12:00", "04-16T11:00", true),
				ev("CLOSURE_REQUESTED", "04-17T09:00"), callback("04-17T14:00", true, true, true, false)));
		// C8: dispatched to B by mistake and re-dispatched to A: B's order counts nowhere, A is responsible.
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("04-20T09:00"), disp("04-20T10:00", b),
				redisp("04-20T11:00", a), reply("04-20T12:00", "04-20T11:30", false)));
		// C9 product quality: first reply two days late, no contact stated, still open.
		h.add(history("HOTLINE_400", "PRODUCT_QUALITY", reg("04-28T09:00"), disp("04-28T10:00", a),
				reply("04-30T10:00", null, false)));
		// C10: closed only after the cut-off (2026-05-15 16:30): open at the cut-off.
		h.add(history("HOTLINE_400", "SERVICE_PROCESS", reg("04-29T09:00"), disp("04-29T10:00", a),
				reply("04-29T12:00", "04-29T11:00", true), ev("CLOSURE_REQUESTED", "05-20T09:00"),
				callback("05-20T10:00", true, true, true, false)));
		// R1 repair request dispatched Thu 04-02: 3 working days skip the holiday → due Wed 04-08 16:30.
		Map<String, Object> repair = history("HOTLINE_400", "PRODUCT_QUALITY", reg("04-02T09:00"), disp("04-02T10:00", a),
				reply("04-07T10:00", "04-02T15:00", false), ev("CLOSURE_REQUESTED", "04-08T09:00"),
				callback("04-08T10:00", true, true, true, false));
		repair.put("kind", "REPAIR_REQUEST");
		repair.put("repairReason", "NOT_YET_SEEN");
		h.add(repair);
		// O1 online, negative: notified 04-05 (a holiday), contacted in 10 h; handled but not satisfied → continues.
		h.add(online(true, reg("04-05T09:00"), disp("04-05T10:00", a), reply("04-05T21:00", "04-05T20:00", true),
				ev("CLOSURE_REQUESTED", "04-06T09:00"), callback("04-06T15:00", true, true, false, false)));
		// O0 online from March, open at March's cut-off (04-15 16:30): carried over, closed on 04-20.
		h.add(online(false, reg("03-20T09:00"), disp("03-20T10:00", a), reply("03-20T13:00", "03-20T12:00", true),
				ev("CLOSURE_REQUESTED", "04-18T09:00"), callback("04-20T10:00", true, true, true, false)));

		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer imported = admin.post("/imports/complaint-history", h);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		// The first quarter's service visits give the limits of April: A averages (100 + 200 + 300) ÷ 3 = 200,
		// band [100, 300) → 2; B averages 1,200 → 5 + ⌊(1,200 − 1,000) ÷ 500⌋ = 5.
		assertThat(admin.post("/service-visits", List.of(visits(a, "2026-01", 100), visits(a, "2026-02", 200),
				visits(a, "2026-03", 300), visits(b, "2026-01", 1200), visits(b, "2026-02", 1300),
				visits(b, "2026-03", 1100))).status()).isEqualTo(200);
		// A: a negative media exposure in April and an approved penalty of 2,500.00.
		assertThat(admin.post("/media-incidents", Map.of("dealerCode", a, "at", at("04-12T10:00"), "description",
				"论坛负面帖，服务商未及时处理")).status()).isEqualTo(201);
		long penalty = admin.post("/penalties", Map.of("dealerCode", a, "month", "2026-04", "amount", 2500,
				"reason", "负面曝光处置不力")).json().get("id").asLong();
		assertThat(admin.post("/penalties/" + penalty + "/approve", Map.of()).status()).isEqualTo(200);
		Api.Answer computed = admin.post("/assessments/2026-04/compute", Map.of());
		assertThat(computed.status()).as(computed.body()).isEqualTo(200);
	}

	@Test
	void theLimitEveryConditionAndTheAmountsOfTheResponsibleDealerMatchTheHandComputation() {
		tools.jackson.databind.JsonNode r = new Api(port).as("admin", "admin-test-pass").get("/assessments/2026-04/dealers/" + a)
				.json();
		assertThat(r.get("countedTowardLimit").asInt()).isEqualTo(8);
		assertThat(r.get("limit").asInt()).as("average 200 visits → 2").isEqualTo(2);
		assertCondition(r, "LIMIT", false, "8", "2");
		assertCondition(r, "FIRST_TIME_CLOSURE", false, "0.75", "1");
		assertCondition(r, "MONTHLY_CLOSURE", false, "0.625", "1");
		assertCondition(r, "ONLINE_CLOSURE", false, "0", "1");
		assertCondition(r, "NO_MEDIA_EXPOSURE", false, "1", "0");
		assertCondition(r, "ACTIVE_STATUS", true, "0", "0");
		assertThat(r.get("supportAmount").decimalValue()).as("a condition failed").isEqualByComparingTo("0.00");
		assertThat(r.get("penaltyAmount").decimalValue()).isEqualByComparingTo("2500.00");
		assertThat(r.get("netAmount").decimalValue()).as("0 − 2,500").isEqualByComparingTo("-2500.00");
	}

	@Test
	void theHandlingDealerOfATransferMeetsEveryConditionAndEarnsTheFourSSupport() {
		tools.jackson.databind.JsonNode r = new Api(port).as("admin", "admin-test-pass").get("/assessments/2026-04/dealers/" + b)
				.json();
		assertThat(r.get("limit").asInt()).as("average 1,200 visits → 5").isEqualTo(5);
		assertCondition(r, "LIMIT", true, "0", "5");
		assertCondition(r, "FIRST_TIME_CLOSURE", true, "1", "1");
		assertCondition(r, "MONTHLY_CLOSURE", true, "1", "1");
		assertCondition(r, "ONLINE_CLOSURE", true, null, "1");
		assertCondition(r, "NO_MEDIA_EXPOSURE", true, "0", "0");
		assertCondition(r, "ACTIVE_STATUS", true, "0", "0");
		assertThat(r.get("supportAmount").decimalValue()).as("4S support in force in April").isEqualByComparingTo("3000.00");
		assertThat(r.get("penaltyAmount").decimalValue()).isEqualByComparingTo("0");
		assertThat(r.get("netAmount").decimalValue()).isEqualByComparingTo("3000.00");
	}

	private static void assertCondition(tools.jackson.databind.JsonNode answer, String code, boolean met, String figure,
			String threshold) {
		for (tools.jackson.databind.JsonNode c : answer.get("conditions")) {
			if (c.get("code").asString().equals(code)) {
				assertThat(c.get("met").asBoolean()).as(code + " met").isEqualTo(met);
				if (figure == null) {
					assertThat(c.get("figure").isNull()).as(code + " figure null").isTrue();
				} else {
					assertThat(c.get("figure").decimalValue()).as(code + " figure").isEqualByComparingTo(figure);
				}
				assertThat(c.get("threshold").decimalValue()).as(code + " threshold").isEqualByComparingTo(threshold);
				return;
			}
		}
		throw new AssertionError("no condition " + code);
	}

	private static Map<String, Object> visits(String dealer, String month, int n) {
		return Map.of("dealerCode", dealer, "month", month, "visits", n);
	}

	@Test
	void everyIndicatorOfTheResponsibleDealerMatchesTheHandComputation() {
		long dealer = dealers.byCode(a).orElseThrow().id();
		MonthlyIndicators m = assessments.indicators(dealer, APRIL, assessments.defaultCutoff(APRIL));

		assertThat(m.cutoff()).isEqualTo(OffsetDateTime.parse("2026-05-15T16:30:00+08:00").toInstant());
		assertThat(m.complaints()).as("C1..C10").isEqualTo(10);
		assertThat(m.unreachable()).as("C3 closed unreachable, C4 last callback not reached").isEqualTo(2);
		assertThat(m.replyTimelinessRate()).as("late: C2, C7 (A never replied), C9 → 7/10").isEqualByComparingTo("0.7000");
		assertThat(m.contact24hRate()).as("missing: C2 late, C7, C9 → 7/10").isEqualByComparingTo("0.7000");
		assertThat(m.falseReplies()).as("C2").isEqualTo(1);
		assertThat(m.calledBack()).as("C1, C2, C6, C7 (C10 only after the cut-off)").isEqualTo(4);
		assertThat(m.firstTimeClosureRate()).as("C1, C6, C7 of C1, C2, C6, C7").isEqualByComparingTo("0.7500");
		assertThat(m.monthlyClosureRate()).as("C1, C2, C5 forced, C6, C7 of 10 − 2").isEqualByComparingTo("0.6250");
		assertThat(m.satisfactionRate()).as("C1, C2, C7 of 10 − 2").isEqualByComparingTo("0.3750");
		assertThat(m.countedTowardLimit()).as("hotline SP/PQ/TC with A responsible: C1 C2 C3 C4 C7 C8 C9 C10")
				.isEqualTo(8);

		assertThat(m.repairRequests().count()).isEqualTo(1);
		assertThat(m.repairRequests().replyTimelinessRate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(m.repairRequests().contact24hRate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(m.repairRequests().closureRate()).isEqualByComparingTo(BigDecimal.ONE);

		assertThat(m.online().count()).as("O1 and carried O0").isEqualTo(2);
		assertThat(m.online().carriedOver()).isEqualTo(1);
		assertThat(m.online().contact24hRate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(m.online().monthlyClosureRate()).as("O0 closed, O1 continues").isEqualByComparingTo("0.5000");
		assertThat(m.online().negativeCount()).isEqualTo(1);
		assertThat(m.online().negativeClosureRate()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void theHandlingDealerOfATransferHasItInItsCohortButNotAgainstItsLimitAndAVoidedOrderCountsNowhere() {
		long dealer = dealers.byCode(b).orElseThrow().id();
		MonthlyIndicators m = assessments.indicators(dealer, APRIL, assessments.defaultCutoff(APRIL));
		assertThat(m.complaints()).as("C7 only; C8's voided order counts nowhere").isEqualTo(1);
		assertThat(m.replyTimelinessRate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(m.firstTimeClosureRate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(m.countedTowardLimit()).isZero();
		assertThat(m.repairRequests().replyTimelinessRate()).as("no repair requests: null rate").isNull();
	}

	@Test
	void recomputingWithTheSameCutOffGivesIdenticalFiguresAndAnEarlierCutOffSeesLess() {
		long dealer = dealers.byCode(a).orElseThrow().id();
		var cutoff = assessments.defaultCutoff(APRIL);
		assertThat(assessments.indicators(dealer, APRIL, cutoff)).isEqualTo(assessments.indicators(dealer, APRIL, cutoff));
		MonthlyIndicators early = assessments.indicators(dealer, APRIL, OffsetDateTime.parse("2026-04-16T00:00:00+08:00").toInstant());
		assertThat(early.complaints()).as("C1..C7 dispatched before 04-16").isEqualTo(7);
		assertThat(early.monthlyClosureRate()).as("C1, C2, C6 closed of 7 − 2 (C5 forced only on 04-20)")
				.isEqualByComparingTo("0.6000");
	}

	// ---- history builders -----------------------------------------------------------------------------

	static String at(String monthDayTime) {
		return "2026-" + monthDayTime + ":00+08:00";
	}

	static Map<String, Object> ev(String type, String when) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", type);
		m.put("at", at(when));
		return m;
	}

	static Map<String, Object> reg(String when) {
		return ev("REGISTERED", when);
	}

	static Map<String, Object> disp(String when, String dealer) {
		Map<String, Object> m = ev("DISPATCHED", when);
		m.put("dealerCode", dealer);
		return m;
	}

	static Map<String, Object> redisp(String when, String dealer) {
		Map<String, Object> m = ev("REDISPATCHED", when);
		m.put("dealerCode", dealer);
		return m;
	}

	static Map<String, Object> transfer(String when, String dealer) {
		Map<String, Object> m = ev("TRANSFERRED", when);
		m.put("dealerCode", dealer);
		return m;
	}

	static Map<String, Object> reply(String when, String contacted, boolean finalResult) {
		Map<String, Object> m = ev("REPLIED", when);
		if (contacted != null) {
			m.put("contactedCustomerAt", at(contacted));
		}
		m.put("final", finalResult);
		m.put("text", "处理进展");
		return m;
	}

	static Map<String, Object> pqReply(String when, String contacted) {
		Map<String, Object> m = reply(when, contacted, true);
		m.put("faultCause", "传感器故障");
		m.put("qualityDefect", true);
		m.put("partsReplaced", List.of("传感器"));
		return m;
	}

	static Map<String, Object> callback(String when, boolean reached, Boolean resolved, Boolean satisfied,
			Boolean falseReply) {
		Map<String, Object> m = ev("CALLBACK", when);
		m.put("reached", reached);
		m.put("resolved", resolved);
		m.put("satisfied", satisfied);
		m.put("falseReply", falseReply);
		return m;
	}

	static Map<String, Object> forceClosed(String when) {
		Map<String, Object> m = ev("FORCE_CLOSED", when);
		m.put("reason", "客户要求明显不合理");
		return m;
	}

	@SafeVarargs
	static Map<String, Object> history(String channel, String category, Map<String, Object>... events) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("externalId", "APR-" + UUID.randomUUID());
		m.put("kind", "COMPLAINT");
		m.put("channel", channel);
		m.put("category", category);
		m.put("customer", Map.of("name", "客户", "phone",
				"137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000))));
		m.put("events", List.of(events));
		return m;
	}

	@SafeVarargs
	static Map<String, Object> online(boolean negative, Map<String, Object>... events) {
		Map<String, Object> m = history("ONLINE", "SERVICE_PROCESS", events);
		m.put("customer", Map.of("name", "网友车主"));
		m.put("online", Map.of("platform", "汽车之家", "url", "https://example.invalid/t", "negative", negative,
				"handle", "车主"));
		return m;
	}
}
