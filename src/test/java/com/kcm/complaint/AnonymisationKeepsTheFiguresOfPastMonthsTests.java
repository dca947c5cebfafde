package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.assessment.Assessments;
import com.kcm.assessment.MonthlyIndicators;
import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.customer.CustomerAnonymisation;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * SPEC §8 retention: complaints that ended more than 36 months ago lose their personal data, and the
 * assessment of their month gives the same figures before and after. A customer with an open or a recent
 * complaint keeps its data. The job is called for this test's own customers only (the database is shared).
 */
@KcmTest
class AnonymisationKeepsTheFiguresOfPastMonthsTests {

	static final YearMonth MONTH = YearMonth.of(2021, 3);

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	DealerCatalog dealers;

	@Autowired
	Assessments assessments;

	@Autowired
	PersonalDataRetention retention;

	@Autowired
	ComplaintStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	static String at(String monthDayTime) {
		return "2021-" + monthDayTime + ":00+08:00";
	}

	static Map<String, Object> ev(String type, String when) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", type);
		m.put("at", when.startsWith("20") ? when : at(when));
		return m;
	}

	static Map<String, Object> disp(String when, String dealer) {
		Map<String, Object> m = ev("DISPATCHED", when);
		m.put("dealerCode", dealer);
		return m;
	}

	static Map<String, Object> reply(String when, String contacted) {
		Map<String, Object> m = ev("REPLIED", when);
		m.put("contactedCustomerAt", contacted.startsWith("20") ? contacted : at(contacted));
		m.put("final", true);
		m.put("text", "已联系张建国先生（13912345678），已更换刹车片");
		return m;
	}

	static Map<String, Object> callback(String when, boolean reached, boolean satisfied) {
		Map<String, Object> m = ev("CALLBACK", when);
		m.put("reached", reached);
		m.put("resolved", reached ? true : null);
		m.put("satisfied", reached ? satisfied : null);
		m.put("falseReply", reached ? false : null);
		return m;
	}

	@SafeVarargs
	static Map<String, Object> history(String externalId, String name, String phone, String category,
			Map<String, Object>... events) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("externalId", externalId);
		m.put("kind", "COMPLAINT");
		m.put("channel", "HOTLINE_400");
		m.put("category", category);
		m.put("description", name + "投诉刹车异响，电话 " + phone + "，车牌京A12345");
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("name", name);
		if (phone != null) {
			customer.put("phone", phone);
		}
		m.put("customer", customer);
		m.put("events", List.of(events));
		return m;
	}

	@Test
	void anonymisingOldComplaintsLeavesTheAssessmentOfTheirMonthUnchangedAndSparesCustomersWithRecentOnes() {
		String[] net = ClosureFixtures.network(network, "2020-01-01");
		String a = net[1];
		String b = net[2];
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String oldPhone = ClosureFixtures.phone();
		String openPhone = ClosureFixtures.phone();
		String recentPhone = ClosureFixtures.phone();

		List<Map<String, Object>> h = new ArrayList<>();
		// an old customer: two complaints of March 2021, both closed long ago — anonymised
		h.add(history("RET-OLD1-" + tag, "张建国", oldPhone, "SERVICE_PROCESS", ev("REGISTERED", "03-02T09:00"),
				disp("03-02T10:00", a), reply("03-02T15:00", "03-02T11:00"), ev("CLOSURE_REQUESTED", "03-03T09:00"),
				callback("03-03T14:00", true, true)));
		h.add(history("RET-OLD2-" + tag, "张建国", oldPhone, "TECHNICAL_CAPABILITY", ev("REGISTERED", "03-09T09:00"),
				disp("03-09T10:00", a), reply("03-10T15:00", "03-10T11:00"), ev("CLOSURE_REQUESTED", "03-11T09:00"),
				callback("03-11T14:00", true, false)));
		// a customer with a March 2021 complaint (closed) and one still open — kept
		h.add(history("RET-OPEN1-" + tag, "李秀英", openPhone, "SERVICE_PROCESS", ev("REGISTERED", "03-04T09:00"),
				disp("03-04T10:00", b), reply("03-04T15:00", "03-04T11:00"), ev("CLOSURE_REQUESTED", "03-05T09:00"),
				callback("03-05T14:00", true, true)));
		h.add(history("RET-OPEN2-" + tag, "李秀英", openPhone, "SERVICE_PROCESS", ev("REGISTERED", "2026-11-02T09:00:00+08:00"),
				disp("2026-11-02T10:00:00+08:00", b)));
		// a customer with a March 2021 complaint and one closed in 2025 (within 36 months) — kept
		h.add(history("RET-RECENT1-" + tag, "王磊", recentPhone, "OTHER", ev("REGISTERED", "03-15T09:00"),
				disp("03-15T10:00", a), reply("03-15T15:00", "03-15T11:00"), ev("CLOSURE_REQUESTED", "03-16T09:00"),
				callback("03-16T10:00", false, false), callback("03-16T15:00", false, false),
				callback("03-17T10:00", false, false), ev("CLOSED_UNREACHABLE", "03-17T11:00")));
		h.add(history("RET-RECENT2-" + tag, "王磊", recentPhone, "SERVICE_PROCESS",
				ev("REGISTERED", "2025-06-02T09:00:00+08:00"), disp("2025-06-02T10:00:00+08:00", a),
				reply("2025-06-02T15:00:00+08:00", "2025-06-02T11:00:00+08:00"),
				ev("CLOSURE_REQUESTED", "2025-06-03T09:00:00+08:00"), callback("2025-06-03T14:00:00+08:00", true, true)));
		// an online complaint without a customer record (no phone), closed in March 2021 — anonymised on its own
		Map<String, Object> online = history("RET-NET-" + tag, "网友小赵", null, "SERVICE_PROCESS",
				ev("REGISTERED", "03-20T09:00"), disp("03-20T10:00", a), reply("03-20T13:00", "03-20T12:00"),
				ev("CLOSURE_REQUESTED", "03-21T09:00"), callback("03-21T10:00", true, true));
		online.put("channel", "ONLINE");
		online.put("online", Map.of("platform", "汽车之家", "url", "https://club.example.com/t/" + tag, "handle", "小赵的车",
				"negative", true));
		h.add(online);

		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer imported = admin.post("/imports/complaint-history", h);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		long dealerA = dealers.byCode(a).orElseThrow().id();
		long dealerB = dealers.byCode(b).orElseThrow().id();
		Instant cutoff = assessments.defaultCutoff(MONTH);
		MonthlyIndicators beforeA = assessments.indicators(dealerA, MONTH, cutoff);
		MonthlyIndicators beforeB = assessments.indicators(dealerB, MONTH, cutoff);
		Instant from = MONTH.atDay(1).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
		Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
		var categoriesBefore = statistics.byCategory(from, to, List.of(dealerA, dealerB));
		assertThat(beforeA.complaints()).as("old 1 and 2, recent 1").isEqualTo(3);
		assertThat(beforeA.online().count()).isEqualTo(1);
		assertThat(beforeB.complaints()).as("open 1").isEqualTo(1);

		long oldCustomer = customerOf("RET-OLD1-" + tag);
		long openCustomer = customerOf("RET-OPEN1-" + tag);
		long recentCustomer = customerOf("RET-RECENT1-" + tag);
		long onlineComplaint = complaintId("RET-NET-" + tag);
		assertThat(jdbc.sql("select customer_id from complaint where id = ?").param(onlineComplaint).query(Long.class)
				.optional()).isEmpty();

		PersonalDataRetention.Counts done = retention.runFor(List.of(oldCustomer, openCustomer, recentCustomer),
				List.of(onlineComplaint));
		assertThat(done).isEqualTo(new PersonalDataRetention.Counts(1, 3));

		// the figures of March 2021 are the same
		assertThat(assessments.indicators(dealerA, MONTH, cutoff)).isEqualTo(beforeA);
		assertThat(assessments.indicators(dealerB, MONTH, cutoff)).isEqualTo(beforeB);
		assertThat(statistics.byCategory(from, to, List.of(dealerA, dealerB))).isEqualTo(categoriesBefore);

		// the old customer's name and numbers are gone; phone lookup no longer finds it
		Map<String, Object> c = jdbc.sql("select name, phone_cipher, phone_hash, anonymised_at from customer where id = ?")
				.param(oldCustomer).query().singleRow();
		assertThat(c.get("name")).isEqualTo(CustomerAnonymisation.NAME);
		assertThat(c.get("phone_cipher")).isNull();
		assertThat(c.get("phone_hash")).isNull();
		assertThat(c.get("anonymised_at")).isNotNull();
		assertThat(admin.get("/customers/lookup?q=" + oldPhone).json().get("items")).isEmpty();
		Map<String, Object> old = jdbc.sql("select customer_name, description, status from complaint where external_id = ?")
				.param("RET-OLD1-" + tag).query().singleRow();
		assertThat(old.get("customer_name")).isEqualTo("已匿名");
		assertThat((String) old.get("description")).doesNotContain("张建国").doesNotContain(oldPhone).doesNotContain("京A12345")
				.contains("刹车异响");
		assertThat(old.get("status")).isEqualTo("CLOSED");
		assertThat(jdbc.sql("select r.text from work_order_reply r join work_order w on w.id = r.work_order_id "
				+ "where w.complaint_id = ?").param(complaintId("RET-OLD1-" + tag)).query(String.class).list())
				.allSatisfy(t -> assertThat(t).doesNotContain("张建国").doesNotContain("13912345678").contains("已更换刹车片"));
		Map<String, Object> post = jdbc.sql("select customer_name, online_handle, online_url, description from complaint "
				+ "where id = ?").param(onlineComplaint).query().singleRow();
		assertThat(post.get("customer_name")).isEqualTo("已匿名");
		assertThat(post.get("online_handle")).isNull();
		assertThat(post.get("online_url")).isNull();
		assertThat((String) post.get("description")).doesNotContain("网友小赵").contains("某客户");

		// customers with an open or a recent complaint keep everything
		assertThat(jdbc.sql("select name from customer where id = ?").param(openCustomer).query(String.class).single())
				.isEqualTo("李秀英");
		assertThat(jdbc.sql("select name from customer where id = ?").param(recentCustomer).query(String.class).single())
				.isEqualTo("王磊");
		assertThat(admin.get("/customers/lookup?q=" + openPhone).json().get("items")).hasSize(1);
		assertThat(jdbc.sql("select customer_name from complaint where external_id = ?").param("RET-RECENT1-" + tag)
				.query(String.class).single()).isEqualTo("王磊");

		// idempotent: nothing more to do, and the run was audited with its counts
		assertThat(retention.runFor(List.of(oldCustomer, openCustomer, recentCustomer), List.of(onlineComplaint)))
				.isEqualTo(new PersonalDataRetention.Counts(0, 0));
		assertThat(audit.search(new AuditQuery(null, Audit.ANONYMISE, "retention", null, null, null), PageRequest.of(0, 50))
				.getContent()).anyMatch(e -> e.detail().startsWith("customers=1; complaints=3"));
	}

	@Test
	void theScrubReplacesNamesAndNumbersButKeepsTheRest() {
		assertThat(PersonalDataRetention.scrub("张建国说：电话13912345678，身份证11010519491231002X，车牌沪B12345，2021-03-02 到店",
				List.of("张建国"))).isEqualTo("某客户说：电话***，身份证***，车牌***，2021-03-02 到店");
	}

	private long customerOf(String externalId) {
		return jdbc.sql("select customer_id from complaint where external_id = ?").param(externalId).query(Long.class).single();
	}

	private long complaintId(String externalId) {
		return jdbc.sql("select id from complaint where external_id = ?").param(externalId).query(Long.class).single();
	}
}
