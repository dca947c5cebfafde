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

	/**
	 * Holds the writer inside the group of its item until opened, so what is written meanwhile waits for the
	 * next group.
	 */
	final class Gate {

		final String item;
		final CountDownLatch writing = new CountDownLatch(1);
		final CountDownLatch open = new CountDownLatch(1);

		Gate(String item) {
			this.item = item;
		}

		/** For the writer: whether these items are the gate's group (then held until opened). */
		boolean holds(List<String> items) {
			if (!items.contains(item)) {
				return false;
			}
			writing.countDown();
			await(open);
			return true;
		}

		/** Writes the gate's item and returns once the writer holds it. */
		CompletableFuture<Void> pass() throws InterruptedException {
			CompletableFuture<Void> f = write(item);
			assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
			return f;
		}

		void open() {
			open.countDown();
		}
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
		Gate gate = new Gate("a");
		group(gate::holds);
		CompletableFuture<Void> a = gate.pass();
		List<CompletableFuture<Void>> others = List.of(write("b"), write("c"), write("d"));
		waiting(3);
		assertThat(a).isNotDone();
		assertThat(others).noneMatch(CompletableFuture::isDone);

		gate.open();
		CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
		a.get(5, TimeUnit.SECONDS);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0)).containsExactly("a");
		assertThat(calls.get(1)).containsExactlyInAnyOrder("b", "c", "d");
	}

	@Test
	void anItemTheWriterRefusesFailsAloneAndTheRestOfItsGroupIsWritten() throws Exception {
		Gate gate = new Gate("first");
		List<String> written = Collections.synchronizedList(new ArrayList<>());
		group(items -> {
			gate.holds(items);
			if (items.contains("taken")) {
				throw new IllegalStateException("key taken");
			}
			written.addAll(items);
		});
		CompletableFuture<Void> first = gate.pass();
		CompletableFuture<Void> ok1 = write("ok1");
		CompletableFuture<Void> taken = write("taken");
		CompletableFuture<Void> ok2 = write("ok2");
		waiting(3);
		gate.open();

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
		Gate gate = new Gate("first");
		group(items -> {
			if (!gate.holds(items)) {
				throw new Shared();
			}
		});
		CompletableFuture<Void> first = gate.pass();
		List<CompletableFuture<Void>> others = List.of(write("x"), write("y"), write("z"));
		waiting(3);
		gate.open();

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
