package com.kcm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can set and move; starts at the real time. Reset it after moving it. */
public class MutableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	public void set(Instant instant) {
		fixed.set(instant);
	}

	public void advance(Duration d) {
		fixed.set(instant().plus(d));
	}

	public void reset() {
		fixed.set(null);
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
