package com.kcm.shared.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers that each write a few rows hand them to one writer thread, which writes everything
 * waiting at that moment in one transaction — one round trip for the rows, one commit — and then lets each
 * caller go on. A caller returns only after the transaction holding its rows has committed, so what it
 * acknowledges is durable as before; under load the round trips and commits are shared by the callers that
 * arrived while the previous group was being written, and with a single caller a group is that caller alone
 * (nothing waits for a group to fill).
 * <p>
 * When a group's transaction fails, each of its items is written again in a transaction of its own, so one
 * item that the database refuses (a unique key used twice) fails alone and its caller gets the refusal as if
 * it had written alone. A failure that is not the item's own ({@code shared} — the database is unreachable)
 * fails the whole group at once instead of trying every item against the outage.
 * <p>
 * After {@link #close()} callers write on their own thread, one transaction each.
 *
 * @param <T> what one caller writes
 */
public final class GroupCommit<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private record Pending<T>(T item, CompletableFuture<Void> done) {
	}

	private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
	private final Consumer<List<T>> writer;
	private final Predicate<RuntimeException> shared;
	private final int maxGroup;
	private final Thread thread;
	private volatile boolean closed;

	/**
	 * @param name the writer thread's name
	 * @param maxGroup the most items written in one transaction
	 * @param writer writes the items it is given in one transaction of its own (and throws when that fails)
	 * @param shared whether a failure concerns every item (then no item is tried alone)
	 */
	public GroupCommit(String name, int maxGroup, Consumer<List<T>> writer, Predicate<RuntimeException> shared) {
		if (maxGroup < 1) {
			throw new IllegalArgumentException("maxGroup must be at least 1");
		}
		this.writer = writer;
		this.shared = shared;
		this.maxGroup = maxGroup;
		this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
		this.thread.start();
	}

	/**
	 * Writes the item with the others waiting and returns once that has committed; throws what made its write
	 * fail (the exception the writer threw for it).
	 */
	public void write(T item) {
		if (closed) {
			writer.accept(List.of(item));
			return;
		}
		Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
		queue.add(pending);
		if (closed && queue.remove(pending)) { // closed meanwhile and the writer will not see it: write it here
			writer.accept(List.of(item));
			return;
		}
		try {
			pending.done().join();
		} catch (CompletionException e) {
			switch (e.getCause()) {
			case RuntimeException r -> throw r;
			case Error err -> throw err;
			default -> throw e;
			}
		}
	}

	/** How many items wait to be written now (for tests and metrics). */
	public int waiting() {
		return queue.size();
	}

	private void run() {
		List<Pending<T>> group = new ArrayList<>(maxGroup);
		while (!closed || !queue.isEmpty()) {
			try {
				Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxGroup - 1);
				write(group);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			} catch (Throwable t) { // never leave a caller waiting, never let the writer thread die
				group.forEach(p -> p.done().completeExceptionally(t));
				log.error("group commit: unexpected failure", t);
			} finally {
				group.clear();
			}
		}
	}

	private void write(List<Pending<T>> group) {
		try {
			writer.accept(group.stream().map(Pending::item).toList());
			group.forEach(p -> p.done().complete(null));
			return;
		} catch (RuntimeException e) {
			if (group.size() == 1 || shared.test(e)) {
				group.forEach(p -> p.done().completeExceptionally(e));
				return;
			}
		}
		for (Pending<T> p : group) { // find the item the database refused: each alone
			try {
				writer.accept(List.of(p.item()));
				p.done().complete(null);
			} catch (RuntimeException e) {
				p.done().completeExceptionally(e);
			}
		}
	}

	/** Writes what is waiting, then stops the writer thread; later writes run on their caller's thread. */
	@Override
	public void close() {
		closed = true;
		try {
			thread.join(10_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		List<Pending<T>> left = new ArrayList<>();
		queue.drainTo(left);
		for (Pending<T> p : left) {
			try {
				writer.accept(List.of(p.item()));
				p.done().complete(null);
			} catch (RuntimeException e) {
				p.done().completeExceptionally(e);
			}
		}
	}
}
