package com.kcm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** At most N requests work at once; the others wait their turn, but never longer than the queue wait. */
class ActiveRequestLimitTests {

	final ExecutorService pool = Executors.newFixedThreadPool(8);
	final AtomicInteger working = new AtomicInteger();
	final AtomicInteger mostAtOnce = new AtomicInteger();

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	/** A request that works for {@code millis}, counting how many work at the same time. */
	Future<?> request(ActiveRequestLimit limit, MockHttpServletRequest request, long millis) {
		return pool.submit(() -> {
			limit.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
				try {
					Thread.sleep(millis);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				} finally {
					working.decrementAndGet();
				}
			});
			return null;
		});
	}

	/** A request that runs {@code first}, says it is {@code holding}, then stays in the chain until {@code release}. */
	Future<?> holding(ActiveRequestLimit limit, MockHttpServletRequest request, Runnable first, CountDownLatch holding,
			CountDownLatch release) {
		return pool.submit(() -> {
			limit.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				first.run();
				holding.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			return null;
		});
	}

	static MockHttpServletRequest post(String uri) {
		MockHttpServletRequest r = new MockHttpServletRequest("POST", uri);
		r.setContentType("application/json");
		return r;
	}

	@Test
	void noMoreThanTheLimitWorkAtOnceAndEveryRequestIsServed() throws Exception {
		ActiveRequestLimit limit = new ActiveRequestLimit(2, Duration.ofSeconds(30));
		Future<?>[] all = new Future<?>[6];
		for (int i = 0; i < all.length; i++) {
			all[i] = request(limit, post("/api/v1/complaints"), 100);
		}
		for (Future<?> f : all) {
			f.get(30, TimeUnit.SECONDS);
		}
		assertThat(mostAtOnce.get()).isEqualTo(2);
	}

	@Test
	void aRequestThatHasWaitedTheQueueWaitGoesAheadAnyway() throws Exception {
		ActiveRequestLimit limit = new ActiveRequestLimit(1, Duration.ofMillis(200));
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> slow = holding(limit, post("/complaints/export"), () -> { }, holding, release);
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue(); // the slow one holds the only turn
		long start = System.nanoTime();
		request(limit, post("/api/v1/complaints"), 0).get(10, TimeUnit.SECONDS);
		long waitedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(waitedMillis).as("waited its turn, then went ahead").isBetween(150L, 5_000L);
		release.countDown();
		slow.get(10, TimeUnit.SECONDS);
	}

	@Test
	void uploadsAndStaticFilesDoNotTakeATurn() throws Exception {
		ActiveRequestLimit limit = new ActiveRequestLimit(1, Duration.ofSeconds(30));
		MockHttpServletRequest upload = post("/major/1/files");
		upload.setContentType("multipart/form-data; boundary=x");
		MockHttpServletRequest script = new MockHttpServletRequest("GET", "/webjars/htmx.org/dist/htmx.min.js");
		Future<?> a = request(limit, upload, 300);
		Future<?> b = request(limit, script, 300);
		Future<?> c = request(limit, post("/api/v1/complaints"), 300);
		a.get(10, TimeUnit.SECONDS);
		b.get(10, TimeUnit.SECONDS);
		c.get(10, TimeUnit.SECONDS);
		assertThat(mostAtOnce.get()).isEqualTo(3);
	}

	@Test
	void aRequestThatOnlyWaitsHandsItsTurnOnAndTheTurnIsNotGivenBackTwice() throws Exception {
		ActiveRequestLimit limit = new ActiveRequestLimit(1, Duration.ofSeconds(30));
		CountDownLatch waiting = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		Future<?> intake = holding(limit, post("/api/v1/complaints"), () -> {
			RequestTurns.waitingFromNow(); // its rows are with the group commit
			RequestTurns.waitingFromNow(); // a second call changes nothing
		}, waiting, commit);
		assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		request(limit, post("/inbox"), 0).get(10, TimeUnit.SECONDS);
		assertThat((System.nanoTime() - start) / 1_000_000).as("went ahead while the intake waited").isLessThan(5_000L);
		commit.countDown();
		intake.get(10, TimeUnit.SECONDS);

		// the one turn is back once, not twice: two requests still take turns
		mostAtOnce.set(0);
		Future<?> a = request(limit, post("/api/v1/complaints"), 200);
		Future<?> b = request(limit, post("/api/v1/complaints"), 200);
		a.get(10, TimeUnit.SECONDS);
		b.get(10, TimeUnit.SECONDS);
		assertThat(mostAtOnce.get()).isEqualTo(1);
		RequestTurns.waitingFromNow(); // outside a request: nothing to hand on
	}
}
