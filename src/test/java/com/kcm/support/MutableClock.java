package com.kcm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can set and move; starts at the real time. Reset it after moving it. A real clock never goes
 * back: when this one does, {@code whenSetBack} runs (the caches, which count their expiry on this clock, are
 * emptied then, as an entry written "in the future" would otherwise look young for too long).
 */
public class MutableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();
	private volatile Runnable whenSetBack = () -> {
	};

	public void set(Instant instant) {
		Instant before = instant();
		fixed.set(instant);
		wentBackFrom(before);
	}

	public void advance(Duration d) {
		Instant before = instant();
		fixed.set(before.plus(d));
		wentBackFrom(before);
	}

	public void reset() {
		Instant before = instant();
		fixed.set(null);
		wentBackFrom(before);
	}

	void whenSetBack(Runnable action) {
		this.whenSetBack = action;
	}

	private void wentBackFrom(Instant before) {
		if (instant().isBefore(before)) {
			whenSetBack.run();
		}
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		Instant f = fixed.get();
		return f != null ? f : Instant.now();
	}
}
