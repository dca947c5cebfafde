package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * The handling summary kept at every change of a timeline (ADR 0003) is the one the repair command builds
 * again from the timeline: after complaints go through their life through the API (and whatever the other
 * tests sharing the database did), rebuilding every row changes none.
 */
@KcmTest
class HandlingSummaryRebuildTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theRepairCommandBuildsTheRowsKeptAtEveryChangeAgainUnchanged() {
		String[] n = ClosureFixtures.network(network);
		Api admin = new Api(port).as("admin", "admin-test-pass");
		clock.set(Instant.parse("2026-11-02T02:00:00Z"));
		long closed = ClosureFixtures.register(admin, ClosureFixtures.phone(), "沈先生");
		long wo = ClosureFixtures.dispatch(admin, closed, n[1]);
		clock.set(Instant.parse("2026-11-02T06:00:00Z"));
		assertThat(admin.post("/complaints/" + closed + "/work-orders/" + wo + "/replies",
				Map.of("contactedCustomerAt", "2026-11-02T11:00:00+08:00", "final", false, "text", "已联系")).status())
				.isEqualTo(201);
		clock.set(Instant.parse("2026-11-02T08:00:00Z"));
		assertThat(admin.post("/complaints/" + closed + "/work-orders/" + wo + "/replies",
				Map.of("contactedCustomerAt", "2026-11-02T10:00:00+08:00", "final", true, "text", "已处理")).status())
				.isEqualTo(201);
		clock.set(Instant.parse("2026-11-03T01:00:00Z"));
		assertThat(admin.post("/complaints/" + closed + "/closure-request", Map.of()).status()).isEqualTo(200);
		clock.set(Instant.parse("2026-11-03T06:00:00Z"));
		assertThat(admin.post("/complaints/" + closed + "/callbacks", Map.of("reached", true, "resolved", true,
				"satisfied", true, "falseReply", false)).status()).isEqualTo(201);

		long moved = ClosureFixtures.register(admin, ClosureFixtures.phone(), "韩女士");
		ClosureFixtures.dispatch(admin, moved, n[1]);
		clock.set(Instant.parse("2026-11-03T07:00:00Z"));
		Api.Answer redispatched = admin.post("/complaints/" + moved + "/redispatch",
				Map.of("dealerCode", n[2], "reason", "派错"));
		assertThat(redispatched.status()).as(redispatched.body()).isEqualTo(200);

		Map<String, Object> kept = jdbc.sql("select * from complaint_handling_summary where complaint_id = ?")
				.param(closed).query().singleRow();
		assertThat(kept).containsEntry("status", "CLOSED").containsEntry("status_before", "CLOSURE_REQUESTED")
				.containsEntry("reached_callbacks", 1).containsEntry("last_satisfied", true);
		assertThat(jdbc.sql("select count(*) from work_order_handling_summary where complaint_id = ?").param(closed)
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select status from complaint_handling_summary where complaint_id = ?").param(moved)
				.query(String.class).single()).isEqualTo("DISPATCHED");

		List<Map<String, Object>> before = everyRow();
		Api.Answer rebuilt = admin.post("/complaint-handling-summary/rebuild", Map.of());
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(rebuilt.json().get("complaints").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(everyRow()).isEqualTo(before);
		Api.Answer month = admin.post("/complaint-handling-summary/rebuild?month=2026-11", Map.of());
		assertThat(month.status()).as(month.body()).isEqualTo(200);
		assertThat(month.json().get("month").asString()).isEqualTo("2026-11");
		assertThat(everyRow()).isEqualTo(before);
	}

	@Test
	void onlyAnAdministratorRepairsTheSummaryAndAMonthIsChecked() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer bad = admin.post("/complaint-handling-summary/rebuild?month=2026-13", Map.of());
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
		Api specialist = ClosureFixtures.user(port, "AFTER_SALES", null);
		assertThat(specialist.post("/complaint-handling-summary/rebuild?month=2026-11", Map.of()).status())
				.isEqualTo(403);
	}

	@Test
	void everyColumnOfTheTimelineWasConsideredForTheSummary() {
		for (var table : com.kcm.complaint.HandlingSummaryRows.TIMELINE_COLUMNS.entrySet()) {
			Set<String> columns = jdbc.sql("select * from " + table.getKey() + " where 1 = 0").query(rs -> {
				Set<String> names = new TreeSet<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
				}
				return names;
			});
			assertThat(columns).as("columns of %s: does the handling summary need the new one? (docs/development.md)",
					table.getKey()).isEqualTo(new TreeSet<>(table.getValue()));
		}
	}

	private List<Map<String, Object>> everyRow() {
		List<Map<String, Object>> rows = new ArrayList<>(
				jdbc.sql("select * from complaint_handling_summary order by complaint_id").query().listOfRows());
		rows.addAll(jdbc.sql("select * from work_order_handling_summary order by work_order_id").query().listOfRows());
		return rows;
	}
}
