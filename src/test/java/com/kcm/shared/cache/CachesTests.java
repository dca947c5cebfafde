package com.kcm.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;

import com.github.benmanes.caffeine.cache.Policy;
import com.kcm.support.MutableClock;

/** The four caches are bounded and expire as configured; a value read before an eviction is not kept after it. */
class CachesTests {

	final MutableClock clock = new MutableClock();
	final CacheManager caches = new Caches().cacheManager(clock, Duration.ofSeconds(5), Duration.ofSeconds(10));
	final ExecutorService pool = Executors.newFixedThreadPool(4);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	Policy<Object, Object> policy(String name) {
		return ((CaffeineCache) caches.getCache(name)).getAsyncCache().synchronous().policy();
	}

	@Test
	void everyCacheHasASizeBoundAndAnExpiry() {
		assertThat(caches.getCacheNames()).containsExactlyInAnyOrder(Caches.COMPLAINT_BOARDS, Caches.API_TOKENS,
				Caches.POLICIES, Caches.CALENDAR);
		assertThat(policy(Caches.COMPLAINT_BOARDS).eviction().orElseThrow().getMaximum()).isEqualTo(256);
		assertThat(policy(Caches.COMPLAINT_BOARDS).expireAfterWrite().orElseThrow().getExpiresAfter())
				.isEqualTo(Duration.ofSeconds(5));
		assertThat(policy(Caches.API_TOKENS).eviction().orElseThrow().getMaximum()).isEqualTo(10_000);
		assertThat(policy(Caches.API_TOKENS).expireVariably()).isPresent();
		for (String table : new String[] { Caches.POLICIES, Caches.CALENDAR }) {
			assertThat(policy(table).eviction().orElseThrow().getMaximum()).isEqualTo(1);
			assertThat(policy(table).expireAfterWrite().orElseThrow().getExpiresAfter()).isEqualTo(Duration.ofMinutes(1));
		}
		assertThat(caches.getCache("made-up")).as("no cache is made up on first use").isNull();
	}

	@Test
	void aValueIsKeptUntilItsExpiryOnTheApplicationClock() {
		Cache boards = caches.getCache(Caches.COMPLAINT_BOARDS);
		AtomicInteger builds = new AtomicInteger();
		assertThat(Caches.get(boards, "k", builds::incrementAndGet)).isEqualTo(1);
		clock.advance(Duration.ofSeconds(4));
		assertThat(Caches.get(boards, "k", builds::incrementAndGet)).isEqualTo(1);
		clock.advance(Duration.ofSeconds(2));
		assertThat(Caches.get(boards, "k", builds::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void aTokenIsRememberedNoLongerThanItIsValid() {
		record Valid(String user, Instant expiresAt) implements Expiring {
		}
		Cache tokens = caches.getCache(Caches.API_TOKENS);
		Caches.get(tokens, "soon", () -> new Valid("a", clock.instant().plusSeconds(3)));
		Caches.get(tokens, "later", () -> new Valid("b", clock.instant().plusSeconds(3600)));
		clock.advance(Duration.ofSeconds(4));
		assertThat((Object) Caches.get(tokens, "soon", () -> null)).as("expired with the token").isNull();
		assertThat((Object) Caches.get(tokens, "later", () -> null)).as("within the 10 s").isNotNull();
		clock.advance(Duration.ofSeconds(7));
		assertThat((Object) Caches.get(tokens, "later", () -> null)).as("after the 10 s").isNull();
	}

	@Test
	void concurrentCallersWaitForOneComputation() throws Exception {
		Cache boards = caches.getCache(Caches.COMPLAINT_BOARDS);
		AtomicInteger builds = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		Future<Integer> first = pool.submit(() -> Caches.get(boards, "k", () -> {
			started.countDown();
			await(release);
			return builds.incrementAndGet();
		}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		Future<Integer> second = pool.submit(() -> Caches.get(boards, "k", builds::incrementAndGet));
		Thread.sleep(100);
		assertThat(second.isDone()).as("waits for the first").isFalse();
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(builds).hasValue(1);
	}

	@Test
	void aValueComputedWhileTheCacheWasEvictedIsNotKept() throws Exception {
		Cache policies = caches.getCache(Caches.POLICIES);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		Future<String> reading = pool.submit(() -> Caches.get(policies, Caches.ALL, () -> {
			started.countDown();
			await(release);
			return "read before the change";
		}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		policies.invalidate(); // the change commits while the old rows are being read
		release.countDown();
		assertThat(reading.get(10, TimeUnit.SECONDS)).isEqualTo("read before the change");
		assertThat(Caches.get(policies, Caches.ALL, () -> "read after the change")).isEqualTo("read after the change");
	}

	@Test
	void aFailureIsThrownAndNotKept() {
		Cache calendar = caches.getCache(Caches.CALENDAR);
		assertThatThrownBy(() -> Caches.get(calendar, Caches.ALL, () -> {
			throw new IllegalStateException("database down");
		})).isInstanceOf(IllegalStateException.class).hasMessage("database down");
		assertThat(Caches.get(calendar, Caches.ALL, () -> "back")).isEqualTo("back");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
