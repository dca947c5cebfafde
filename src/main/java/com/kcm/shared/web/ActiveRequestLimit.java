package com.kcm.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of requests work at once and has the others wait, in arrival order, for their turn.
 * On a small server the application's requests are CPU work: many of them at once only share the cores
 * between more threads (and database sessions), so each takes longer and fewer finish per second. A
 * request that has waited {@code maxWait} goes ahead anyway, so requests that hold their turn for long
 * (a download to a slow phone) can delay others but never stop them. Uploads (multipart bodies, read from
 * the network as they arrive) and static files do not take a turn. A request that only waits for a commit
 * shared with others hands its turn on early ({@link RequestTurns#waitingFromNow()}).
 */
class ActiveRequestLimit extends OncePerRequestFilter {

	private final Semaphore turns;
	private final long maxWaitNanos;

	public ActiveRequestLimit(int maxActive, Duration maxWait) {
		if (maxActive < 1) {
			throw new IllegalArgumentException("maxActive must be at least 1");
		}
		this.turns = new Semaphore(maxActive, true);
		this.maxWaitNanos = maxWait.toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean turn = false;
		try {
			turn = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt(); // shutting down: let the request finish without a turn
		}
		AtomicBoolean held = new AtomicBoolean(turn);
		Runnable handover = () -> {
			if (held.compareAndSet(true, false)) {
				turns.release();
			}
		};
		RequestTurns.held(handover);
		try {
			chain.doFilter(request, response);
		} finally {
			RequestTurns.done();
			handover.run();
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/");
	}
}
