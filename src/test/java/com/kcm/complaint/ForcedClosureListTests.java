package com.kcm.complaint;

import static com.kcm.complaint.ClosureFixtures.dispatch;
import static com.kcm.complaint.ClosureFixtures.phone;
import static com.kcm.complaint.ClosureFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.dealer.DealerNetwork;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

import tools.jackson.databind.JsonNode;

/**
 * After-sales nominates complaints for the month's forced-closure list; the manager approves it and they are
 * force-closed. Each test works in a month of its own (the list of a month is shared by everybody), a past one
 * picked at random, so the API tokens issued now stay valid.
 */
@KcmTest
class ForcedClosureListTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	Policies policies;

	@Autowired
	JdbcClient jdbc;

	String dealer;
	Api agent;
	Api specialist;
	Api dealerUser;
	String managerName;
	Api manager;
	YearMonth month;

	@BeforeEach
	void setUp() {
		String[] net = ClosureFixtures.network(network, "1949-10-01");
		dealer = net[1];
		agent = ClosureFixtures.user(port, "CS_AGENT", null);
		specialist = ClosureFixtures.user(port, "AFTER_SALES", null);
		dealerUser = ClosureFixtures.user(port, "DEALER", dealer);
		managerName = ClosureFixtures.newUser(port, "AFTER_SALES_MANAGER", null);
		manager = new Api(port).as(managerName, "secret-123");
		month = ClosureFixtures.unusedMonth(jdbc);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void onDay(int day, int hour) {
		clock.set(LocalDateTime.of(month.getYear(), month.getMonth(), day, hour, 0).atZone(ZONE).toInstant());
	}

	long openComplaint() {
		long id = register(agent, phone(), "王先生");
		dispatch(specialist, id, dealer);
		return id;
	}

	Api.Answer nominate(long id, String reason) {
		return specialist.post("/complaints/" + id + "/forced-closure-nomination", Map.of("reason", reason));
	}

	String status(long id) {
		return specialist.get("/complaints/" + id).json().get("status").asString();
	}

	@Test
	void theManagerApprovesTheMonthsListAndItsComplaintsAreForceClosedWithTheirReasons() {
		onDay(3, 10);
		long first = openComplaint();
		long second = openComplaint();
		long withdrawn = openComplaint();

		onDay(5, 9);
		assertThat(nominate(first, "客户要求全额退车，诉求明显不合理").status()).isEqualTo(200);
		assertThat(nominate(second, "客户拒绝进站检查，多次沟通无果").status()).isEqualTo(200);
		assertThat(nominate(withdrawn, "误提名").status()).isEqualTo(200);
		assertThat(nominate(first, "再次提名").status()).as("already on the list").isEqualTo(422);
		assertThat(nominate(openComplaint(), " ").status()).as("reason required").isEqualTo(422);

		Api.Answer back = specialist.post("/complaints/" + withdrawn + "/forced-closure-nomination/withdrawal",
				Map.of("note", "客户同意继续处理"));
		assertThat(back.status()).as(back.body()).isEqualTo(200);

		JsonNode list = specialist.get("/forced-closure-lists/" + month).json();
		assertThat(list.get("status").asString()).isEqualTo("DRAFT");
		assertThat(list.get("title").asString()).isEqualTo(policies.textAt(PolicyName.COMPANY_NAME, clock.instant()) + " "
				+ month.getMonthValue() + " 月份强制关闭抱怨清单");
		assertThat(list.get("items").findValuesAsString("reason")).containsExactly("客户要求全额退车，诉求明显不合理",
				"客户拒绝进站检查，多次沟通无果");
		assertThat(list.get("items").findValues("complaintId").stream().map(JsonNode::asLong).toList())
				.containsExactly(first, second);

		onDay(6, 10);
		assertThat(specialist.post("/forced-closure-lists/" + month + "/approve", Map.of()).status()).isEqualTo(403);
		assertThat(dealerUser.get("/forced-closure-lists/" + month).status()).isEqualTo(403);
		assertThat(status(first)).isEqualTo("DISPATCHED");

		Api.Answer approved = manager.post("/forced-closure-lists/" + month + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("approvedBy").asString()).isEqualTo(managerName);
		assertThat(longs(approved.json().get("closed"))).containsExactly(first,
				second);
		assertThat(approved.json().get("skipped")).isEmpty();

		assertThat(status(first)).isEqualTo("FORCE_CLOSED");
		assertThat(status(second)).isEqualTo("FORCE_CLOSED");
		assertThat(status(withdrawn)).isEqualTo("DISPATCHED");
		assertThat(timeline(first, "FORCE_CLOSED")).containsExactly("客户要求全额退车，诉求明显不合理");
		assertThat(timeline(second, "FORCE_CLOSED")).containsExactly("客户拒绝进站检查，多次沟通无果");
		assertThat(timeline(withdrawn, "FORCED_CLOSURE_NOMINATION_WITHDRAWN")).containsExactly("客户同意继续处理");

		assertThat(manager.post("/forced-closure-lists/" + month + "/approve", Map.of()).status()).as("only once")
				.isEqualTo(422);
		assertThat(nominate(withdrawn, "月末再提名").status()).as("the month's list is approved").isEqualTo(422);
		assertThat(status(withdrawn)).isEqualTo("DISPATCHED");
	}

	@Test
	void aComplaintClosedBeforeTheApprovalIsSkippedAndReported() {
		onDay(3, 10);
		long closedMeanwhile = openComplaint();
		long open = openComplaint();
		JsonNode wo = specialist.get("/complaints/" + closedMeanwhile).json().get("workOrders").get(0);
		onDay(4, 9);
		nominate(closedMeanwhile, "客户诉求不合理");
		nominate(open, "客户诉求不合理");

		onDay(4, 10);
		assertThat(dealerUser.post("/complaints/" + closedMeanwhile + "/work-orders/" + wo.get("id").asLong() + "/replies",
				Map.of("final", true, "text", "已与客户达成一致")).status()).isEqualTo(201);
		assertThat(specialist.post("/complaints/" + closedMeanwhile + "/closure-request", Map.of()).status()).isEqualTo(200);
		assertThat(agent.post("/complaints/" + closedMeanwhile + "/callbacks",
				Map.of("reached", true, "resolved", true, "satisfied", true, "falseReply", false)).status()).isEqualTo(201);
		assertThat(status(closedMeanwhile)).isEqualTo("CLOSED");

		onDay(28, 16);
		Api.Answer approved = manager.post("/forced-closure-lists/" + month + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(longs(approved.json().get("closed"))).containsExactly(open);
		assertThat(approved.json().get("skipped").get(0).get("complaintId").asLong()).isEqualTo(closedMeanwhile);
		assertThat(approved.json().get("skipped").get(0).get("status").asString()).isEqualTo("CLOSED");
		assertThat(status(closedMeanwhile)).isEqualTo("CLOSED");
		assertThat(status(open)).isEqualTo("FORCE_CLOSED");
	}

	@Test
	void theExportIsTitledLikeTheListAndHoldsItsReasons() {
		onDay(10, 10);
		long id = openComplaint();
		nominate(id, "重复投诉且拒绝任何方案");

		byte[] xlsx = ClosureFixtures.download(port, managerName, "/forced-closure-lists/" + month + "/export");
		List<List<String>> rows = ClosureFixtures.rows(xlsx);
		assertThat(rows.get(0).get(0)).isEqualTo(policies.textAt(PolicyName.COMPANY_NAME, clock.instant()) + " "
				+ month.getMonthValue() + " 月份强制关闭抱怨清单");
		assertThat(rows.get(1)).contains("强制关闭原因");
		assertThat(rows.get(2)).contains(String.valueOf(id), "重复投诉且拒绝任何方案");
	}

	@Test
	void aMonthWithoutNominationsHasNoList() {
		assertThat(specialist.get("/forced-closure-lists/" + month).status()).isEqualTo(404);
		assertThat(manager.post("/forced-closure-lists/" + month + "/approve", Map.of()).status()).isEqualTo(404);
		assertThat(specialist.get("/forced-closure-lists/2026-13").status()).isEqualTo(422);
	}

	static List<Long> longs(JsonNode array) {
		List<Long> out = new java.util.ArrayList<>();
		array.forEach(n -> out.add(n.asLong()));
		return out;
	}

	List<String> timeline(long complaintId, String type) {
		return jdbc.sql("select detail from complaint_event where complaint_id = ? and type = ? order by id")
				.params(complaintId, type).query(String.class).list();
	}
}
