package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.complaint.ComplaintBoards.Preview;
import com.kcm.complaint.ComplaintBoards.Section;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * The after-sales board is built once and shared until a complaint, work order or callback changes, or
 * until it is {@code kcm.complaint.board-max-age} (5 s) old.
 */
@KcmTest
class BoardSnapshotTests {

	@LocalServerPort
	int port;

	@Autowired
	ComplaintBoards boards;

	@Autowired
	ComplaintChanges changes;

	@Autowired
	MutableClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * The board read twice while nothing changed in between; another test's
	 * asynchronous work may commit a change at any moment, so a round with a change is tried again.
	 */
	Map<Section, Preview>[] twiceWithoutChange() {
		for (int attempt = 0; attempt < 10; attempt++) {
			long before = changes.generation();
			Map<Section, Preview> first = boards.board(5);
			Map<Section, Preview> second = boards.board(5);
			if (changes.generation() == before) {
				@SuppressWarnings("unchecked")
				Map<Section, Preview>[] both = new Map[] { first, second };
				return both;
			}
		}
		throw new AssertionError("complaints kept changing during ten attempts");
	}

	@Test
	void aBoardReadTwiceWithoutAChangeInBetweenIsTheSameSnapshot() {
		Map<Section, Preview>[] both = twiceWithoutChange();
		assertThat(both[1]).isSameAs(both[0]);
		assertThat(both[0].keySet()).containsExactly(Section.values());
	}

	@Test
	void aRegisteredComplaintIsOnTheNextBoardAtOnce() {
		clock.advance(Duration.ofMinutes(1)); // the new complaint is then the youngest one to dispatch
		Map<Section, Preview> before = boards.board(5);
		long generation = changes.generation();
		String agent = Api.createUser(port, "snap", "CS_AGENT", null);
		Api.Answer a = new Api(port).as(agent, "secret-123").post("/complaints", Map.of("kind", "COMPLAINT", "channel",
				"HOTLINE_400", "description", "看板快照", "customer", Map.of("name", "快照客户", "phone",
						"139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		long id = a.json().get("id").asLong();

		assertThat(changes.generation()).isGreaterThan(generation);
		Map<Section, Preview> after = boards.board(5);
		assertThat(after).isNotSameAs(before);
		long before99 = before.get(Section.TO_DISPATCH).count().value();
		if (!before.get(Section.TO_DISPATCH).count().capped() && before99 + 1 < ComplaintBoards.Tally.CAP) {
			assertThat(after.get(Section.TO_DISPATCH).count().value()).isEqualTo(before99 + 1);
		}
		assertThat(boards.search(new ComplaintBoards.Filter("REGISTERED", null, null, null, null, String.valueOf(id)),
				org.springframework.data.domain.PageRequest.of(0, 50)).getContent()).extracting(ComplaintBoards.Row::id)
				.contains(id); // the search also matches texts containing the number
	}

	@Test
	void afterAChangeConcurrentRequestsWaitForOneBuildInsteadOfEachBuildingTheBoard() throws Exception {
		for (int attempt = 0; attempt < 5; attempt++) {
			new TransactionTemplate(transactions).executeWithoutResult(status -> changes.changed());
			long generation = changes.generation();
			ExecutorService pool = Executors.newFixedThreadPool(6);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Map<Section, Preview>>> answers = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					answers.add(pool.submit(() -> {
						start.await();
						return boards.board(5);
					}));
				}
				start.countDown();
				Set<Map<Section, Preview>> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
				for (Future<Map<Section, Preview>> f : answers) {
					distinct.add(f.get(30, TimeUnit.SECONDS));
				}
				if (changes.generation() == generation) {
					assertThat(distinct).hasSize(1);
					return;
				}
			} finally {
				pool.shutdownNow();
			}
		}
		throw new AssertionError("complaints kept changing during five attempts");
	}

	@Test
	void aRolledBackChangeDoesNotCount() {
		long generation = changes.generation();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			changes.changed();
			changes.changed();
			status.setRollbackOnly();
		});
		assertThat(changes.generation()).isEqualTo(generation);
		tx.executeWithoutResult(status -> {
			changes.changed();
			changes.changed();
		});
		assertThat(changes.generation()).isEqualTo(generation + 1);
	}

	@Test
	void aBoardOlderThanItsMaximumAgeIsBuiltAgain() {
		Map<Section, Preview> first = twiceWithoutChange()[0];
		long generation = changes.generation();
		clock.advance(Duration.ofSeconds(6));
		Map<Section, Preview> later = boards.board(5);
		if (changes.generation() == generation) {
			assertThat(later).isNotSameAs(first);
		}
		if (changes.generation() == generation) {
			assertThat(boards.board(5)).as("and then shared again").isSameAs(later);
		}
	}
}
