package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.shared.domain.DomainException;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * Two people change one statement at the same moment: the first one's change holds the statement until it
 * commits, the second one then sees the result and is refused with the reason, so both can never succeed.
 */
@KcmTest
class ConcurrentStatementChangesTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Statements statements;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void twoPublicationsOfOneDraftAtOnceGiveOnePublication() throws Exception {
		long id = draft("2025-08");
		DomainException refused = race(() -> statements.publish(id), () -> statements.publish(id));
		assertThat(refused.code()).isEqualTo("statement.notDraft");
		assertThat(refused.args()).containsExactly("PUBLISHED");
		assertThat(updates(id)).as("one publication in the audit trail").isEqualTo(1);
	}

	@Test
	void twoAnswersToOneAppealAtOnceGiveOneAnswer() throws Exception {
		long id = draft("2025-07");
		statements.publish(id);
		long appeal = statements.appeal(id, "已处理", null);
		DomainException refused = race(() -> statements.answer(appeal, "REJECTED", "维持"),
				() -> statements.answer(appeal, "ACCEPTED", "采纳"));
		assertThat(refused.code()).isEqualTo("statement.appeal.answered");
		assertThat(jdbc.sql("select status from statement_appeal where id = :id").param("id", appeal)
				.query(String.class).single()).isEqualTo("REJECTED");
		assertThat(jdbc.sql("select count(*) from statement where previous_id = :id").param("id", id)
				.query(Long.class).single()).as("no recomputation").isZero();
	}

	/**
	 * Runs {@code first} in a transaction that stays open a moment after the change, starts {@code second}
	 * meanwhile, and answers the refusal of the second (failing when it succeeded).
	 */
	DomainException race(Runnable first, Runnable second) throws Exception {
		CountDownLatch changed = new CountDownLatch(1);
		CompletableFuture<Void> one = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
				.executeWithoutResult(tx -> {
					first.run();
					changed.countDown();
					sleep(300); // the second change starts while this one is not committed
				}));
		assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Throwable> two = CompletableFuture.supplyAsync(() -> {
			try {
				second.run();
				return null;
			} catch (RuntimeException e) {
				return e;
			}
		});
		one.get(30, TimeUnit.SECONDS);
		Throwable outcome = two.get(30, TimeUnit.SECONDS);
		assertThat(outcome).as("the second change is refused").isInstanceOf(DomainException.class);
		return (DomainException) outcome;
	}

	long draft(String month) {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "并发大区"));
		String dealer = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(dealer, "并发服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		clock.set(LocalDateTime.of(2026, 11, 2, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		Api specialist = new Api(port).as(Api.createUser(port, "cc", "AFTER_SALES", null), "secret-123");
		assertThat(specialist.post("/assessments/" + month + "/compute", Map.of()).status()).isEqualTo(200);
		return specialist.post("/statements/" + month + "/drafts", Map.of("dealerCode", dealer)).json().get("ids").get(0)
				.asLong();
	}

	long updates(long id) {
		return jdbc.sql("select count(*) from audit_entry where entity_type = 'statement' and entity_id = :id "
				+ "and action = 'UPDATE'").param("id", String.valueOf(id)).query(Long.class).single();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
