package com.kcm.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds (notifications are sent asynchronously after commit). */
public final class Eventually {

	private Eventually() {
	}

	/** The first value that satisfies the condition; fails after the timeout with the last value seen. */
	public static <T> T await(Supplier<T> value, Predicate<T> condition, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		T last = value.get();
		while (!condition.test(last)) {
			if (System.nanoTime() > end) {
				throw new AssertionError("condition not met within " + timeout + "; last value: " + last);
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			last = value.get();
		}
		return last;
	}

	public static <T> T await(Supplier<T> value, Predicate<T> condition) {
		return await(value, condition, Duration.ofSeconds(20));
	}
}
