package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * Complaints, timeline events and audit entries take their ids in blocks of 50 from sequences
 * (migration {@code PooledIds}). Rows that scripts insert with the column's default meanwhile never
 * collide with a block the application is using, and one instance numbers its complaints in order.
 */
@KcmTest
class PooledIdsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void intakeKeepsWorkingAcrossBlocksWhileScriptsInsertRowsWithTheDefaultId() {
		Api agent = new Api(port).as(Api.createUser(port, "pool", "CS_AGENT", null), "secret-123");
		String run = UUID.randomUUID().toString();
		List<Long> complaintIds = new ArrayList<>();
		Set<Long> scriptedAuditIds = new HashSet<>();
		for (int i = 0; i < 120; i++) { // more than two blocks
			Api.Answer a = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
					"description", "编号测试 " + i, "customer", Map.of("name", "编号客户", "phone", ComplaintApiStoryTests.phone())));
			assertThat(a.status()).as("registration %d", i).isEqualTo(201);
			complaintIds.add(a.json().get("id").asLong());
			if (i % 7 == 0) {
				String marker = "pooled-ids " + run + " " + i;
				jdbc.sql("insert into audit_entry (at, actor, action, detail) values (?, 'script', 'IMPORT', ?)")
						.params(Timestamp.from(Instant.now()), marker).update();
				scriptedAuditIds.add(jdbc.sql("select id from audit_entry where detail = ?").param(marker).query(Long.class).single());
			}
		}
		assertThat(complaintIds).as("one instance numbers its complaints in order").isSorted().doesNotHaveDuplicates();
		List<Long> auditIds = jdbc.sql("select id from audit_entry where entity_type = 'complaint' and action = 'CREATE' and entity_id in ("
				+ String.join(",", complaintIds.stream().map(id -> "'" + id + "'").toList()) + ")").query(Long.class).list();
		assertThat(auditIds).hasSize(120).doesNotContainAnyElementsOf(scriptedAuditIds);
		List<Long> eventIds = jdbc.sql("select id from complaint_event where type = 'REGISTERED' and complaint_id in ("
				+ String.join(",", complaintIds.stream().map(String::valueOf).toList()) + ")").query(Long.class).list();
		assertThat(eventIds).hasSize(120).doesNotHaveDuplicates();
	}
}
