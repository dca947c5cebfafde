package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * Intake's group commit (issue 17): many calls at the same time, of two agents, are registered once each, under
 * the name of the agent who sent them (the audit entry is made from the caller's context, though another thread
 * writes it), each with its customer and its handling summary; a key sent twice at the same moment registers one
 * complaint and both answers name it; the complaints are there when the answers come back.
 */
@KcmTest
class IntakeGroupCommitTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	record Call(Api agent, String agentName, String key, String body) {
	}

	/** The part of an intake request these calls send (Appendix A field names). */
	record IntakeBody(String kind, String channel, String description, Caller customer) {
	}

	record Caller(String name, String phone) {
	}

	static String body(String phone, String description) {
		return Api.json(new IntakeBody("COMPLAINT", "HOTLINE_400", description, new Caller("并发来电客户", phone)));
	}

	@Test
	void simultaneousCallsOfTwoAgentsAreEachRegisteredOnceUnderTheirOwnName() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<Call> calls = new ArrayList<>();
		for (int a = 0; a < 2; a++) {
			String name = Api.createUser(port, "gc", "CS_AGENT", null);
			Api agent = new Api(port).as(name, "secret-123");
			for (int i = 0; i < 12; i++) {
				String key = "gc-" + run + "-" + a + "-" + i;
				String body = body(ComplaintApiStoryTests.phone(), "并发登记 " + key);
				calls.add(new Call(agent, name, key, body));
				if (i % 4 == 0) { // the same request sent twice at the same moment (a retry racing the original)
					calls.add(new Call(agent, name, key, body));
				}
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Answer>> answers = new ArrayList<>();
		try {
			for (Call c : calls) {
				answers.add(pool.submit(() -> {
					start.await();
					return c.agent().postRaw("/complaints", c.body(), Map.of("Idempotency-Key", c.key()));
				}));
			}
			start.countDown();
			Map<String, List<Long>> idsByKey = new HashMap<>();
			for (int i = 0; i < calls.size(); i++) {
				Api.Answer answer = answers.get(i).get();
				assertThat(answer.status()).as(answer.body()).isIn(200, 201);
				long id = answer.json().get("id").asLong();
				idsByKey.computeIfAbsent(calls.get(i).key(), k -> new ArrayList<>()).add(id);
				// answered only once written: the complaint, its timeline and its summary are there
				assertThat(jdbc.sql("select count(*) from complaint c join complaint_event e on e.complaint_id = c.id"
						+ " join complaint_handling_summary s on s.complaint_id = c.id where c.id = ?").param(id)
						.query(Long.class).single()).as("complaint %s written with its timeline and summary", id)
						.isEqualTo(1);
			}
			assertThat(idsByKey).hasSize(24);
			idsByKey.forEach((key, ids) -> assertThat(ids).as(key).allMatch(id -> id.equals(ids.get(0))));
			for (Call c : calls) {
				long id = idsByKey.get(c.key()).get(0);
				assertThat(jdbc.sql("select count(*) from complaint where intake_key = ?").param(c.key()).query(Long.class)
						.single()).as(c.key()).isEqualTo(1);
				assertThat(jdbc.sql("select actor from audit_entry where action = 'CREATE' and entity_type = 'complaint'"
						+ " and entity_id = ?").param(String.valueOf(id)).query(String.class).single())
						.as("the audit entry of %s names the agent who sent it", c.key()).isEqualTo(c.agentName());
				assertThat(jdbc.sql("select description from complaint where id = ?").param(id).query(String.class).single())
						.isEqualTo("并发登记 " + c.key());
				assertThat(jdbc.sql("select count(*) from complaint c join customer u on u.id = c.customer_id where c.id = ?")
						.param(id).query(Long.class).single()).isEqualTo(1);
			}
		} finally {
			pool.shutdownNow();
		}
	}
}
