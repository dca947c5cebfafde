package com.kcm.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit behind intake (issue 17): callers waiting while a group is written go together into the
 * next one; an item the writer refuses fails alone and the others of its group are written; a failure that
 * concerns everyone fails the group without trying each item; nobody returns before its group was written.
 */
class GroupCommitTests {

	/** What the writer was given, call by call (the "transactions"). */
	final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
	final ExecutorService callers = Executors.newFixedThreadPool(8);
	GroupCommit<String> group;

	@AfterEach
	void stop() {
		if (group != null) {
			group.close();
		}
		callers.shutdownNow();
	}

	static final class Shared extends RuntimeException {
		Shared() {
			super("the database is unreachable");
		}
	}

	GroupCommit<String> group(Consumer<List<String>> writer) {
		group = new GroupCommit<>("test-group-commit", 32, items -> {
			calls.add(List.copyOf(items));
			writer.accept(items);
		}, e -> e instanceof Shared);
		return group;
	}

	CompletableFuture<Void> write(String item) {
		return CompletableFuture.runAsync(() -> group.write(item), callers);
	}

	/** Waits until {@code n} items wait for the writer. */
	void waiting(int n) throws InterruptedException {
		for (int i = 0; i < 500 && group.waiting() < n; i++) {
			Thread.sleep(10);
		}
		assertThat(group.waiting()).isEqualTo(n);
	}

	@Test
	void itemsArrivingWhileAGroupIsWrittenGoTogetherIntoTheNextAndNobodyReturnsBeforeItsWrite() throws Exception {
		CountDownLatch firstWriting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		group(items -> {
			if (items.contains("a")) {
				firstWriting.countDown();
				await(release);
			}
		});
		CompletableFuture<Void> a = write("a");
		assertThat(firstWriting.await(5, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<Void>> others = List.of(write("b"), write("c"), write("d"));
		waiting(3);
		assertThat(a).isNotDone();
		assertThat(others).noneMatch(CompletableFuture::isDone);

		release.countDown();
		CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
		a.get(5, TimeUnit.SECONDS);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0)).containsExactly("a");
		assertThat(calls.get(1)).containsExactlyInAnyOrder("b", "c", "d");
	}

	@Test
	void anItemTheWriterRefusesFailsAloneAndTheRestOfItsGroupIsWritten() throws Exception {
		CountDownLatch firstWriting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<String> written = Collections.synchronizedList(new ArrayList<>());
		group(items -> {
			if (items.contains("first")) {
				firstWriting.countDown();
				await(release);
			}
			if (items.contains("taken")) {
				throw new IllegalStateException("key taken");
			}
			written.addAll(items);
		});
		CompletableFuture<Void> first = write("first");
		assertThat(firstWriting.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> ok1 = write("ok1");
		CompletableFuture<Void> taken = write("taken");
		CompletableFuture<Void> ok2 = write("ok2");
		waiting(3);
		release.countDown();

		first.get(5, TimeUnit.SECONDS);
		ok1.get(5, TimeUnit.SECONDS);
		ok2.get(5, TimeUnit.SECONDS);
		assertThatThrownBy(() -> taken.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
				.hasMessageContaining("key taken");
		assertThat(written).containsExactlyInAnyOrder("first", "ok1", "ok2");
		// the group of three failed, then each of its items was written alone
		assertThat(calls.subList(1, calls.size())).hasSize(4).anySatisfy(c -> assertThat(c).hasSize(3))
				.filteredOn(c -> c.size() == 1).extracting(c -> c.get(0)).containsExactlyInAnyOrder("ok1", "taken", "ok2");
	}

	@Test
	void aFailureThatConcernsEveryoneFailsTheGroupWithoutTryingEachItem() throws Exception {
		CountDownLatch firstWriting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		group(items -> {
			if (items.contains("first")) {
				firstWriting.countDown();
				await(release);
				return;
			}
			throw new Shared();
		});
		CompletableFuture<Void> first = write("first");
		assertThat(firstWriting.await(5, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<Void>> others = List.of(write("x"), write("y"), write("z"));
		waiting(3);
		release.countDown();

		first.get(5, TimeUnit.SECONDS);
		for (CompletableFuture<Void> f : others) {
			assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Shared.class);
		}
		assertThat(calls).hasSize(2);
		assertThat(calls.get(1)).containsExactlyInAnyOrder("x", "y", "z");
	}

	@Test
	void theCallerGetsTheWritersOwnExceptionAndAClosedGroupWritesOnTheCallersThread() {
		group(items -> {
			if (items.contains("bad")) {
				throw new IllegalArgumentException("refused: bad");
			}
		});
		assertThatThrownBy(() -> group.write("bad")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("refused: bad");
		group.write("good");

		group.close();
		String caller = Thread.currentThread().getName();
		List<String> threads = new ArrayList<>();
		group = new GroupCommit<>("test-group-commit-2", 4, items -> threads.add(Thread.currentThread().getName()),
				e -> false);
		group.close();
		group.write("after close");
		assertThat(threads).containsExactly(caller);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
