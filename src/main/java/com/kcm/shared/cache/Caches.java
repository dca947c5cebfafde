package com.kcm.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The application's in-memory caches, all in one place: Caffeine caches behind Spring's {@link CacheManager},
 * each with a size bound and an expiry. The expiry is also the delay within which a change made on another
 * instance is seen (caches are per instance); a change made on this instance evicts at once, through the
 * owning module's change event or listener. Time is read from the application {@link Clock}.
 * <p>
 * Every cache is asynchronous (it holds a future per key) and is read through {@link #get}: the first caller
 * computes the value on its own thread, concurrent callers of the same key wait for that one computation,
 * and an eviction also discards a computation still running, so a value read before a change is never kept
 * after it.
 * <p>
 * No {@code @EnableCaching}: nothing is cached through annotations, and the annotation's advisor would be
 * matched against every method of every bean at each start.
 */
@Configuration(proxyBeanMethods = false)
public class Caches {

	/** The after-sales board per scope and size (complaint.ComplaintBoards). */
	public static final String COMPLAINT_BOARDS = "complaint-boards";

	/** Resolved API bearer tokens by their hash (identity.ApiTokens). */
	public static final String API_TOKENS = "api-tokens";

	/** The whole policy value table (policy.Policies). */
	public static final String POLICIES = "policies";

	/** The calendar's day table and published years (calendar.BusinessCalendar). */
	public static final String CALENDAR = "calendar";

	/** The key of a cache that holds one value: a whole table. */
	public static final String ALL = "all";

	@Bean
	CacheManager cacheManager(Clock clock, @Value("${kcm.complaint.board-max-age:5s}") Duration boardMaxAge,
			@Value("${kcm.security.token-cache:10s}") Duration tokenCache) {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setAllowNullValues(false);
		manager.setAsyncCacheMode(true);
		manager.setCacheNames(java.util.List.of()); // only the caches below: none is made up on first use
		manager.registerCustomCache(COMPLAINT_BOARDS,
				builder(clock).maximumSize(256).expireAfterWrite(boardMaxAge).buildAsync());
		Duration tokens = tokenCache.isNegative() ? Duration.ofSeconds(10) : tokenCache;
		manager.registerCustomCache(API_TOKENS, builder(clock).maximumSize(10_000)
				.expireAfter(Expiry.writing((Object key, Object value) -> upToExpiry(tokens, value, clock))).buildAsync());
		manager.registerCustomCache(POLICIES, builder(clock).maximumSize(1).expireAfterWrite(Duration.ofMinutes(1)).buildAsync());
		manager.registerCustomCache(CALENDAR, builder(clock).maximumSize(1).expireAfterWrite(Duration.ofMinutes(1)).buildAsync());
		return manager;
	}

	private static Caffeine<Object, Object> builder(Clock clock) {
		return Caffeine.newBuilder().ticker(ticker(clock));
	}

	/** Caffeine's time source read from the application clock (tests move it). */
	static Ticker ticker(Clock clock) {
		return () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
	}

	/** {@code keep}, but never beyond a value's own expiry ({@link Expiring}). */
	static Duration upToExpiry(Duration keep, Object value, Clock clock) {
		if (value instanceof Expiring e) {
			Duration left = Duration.between(clock.instant(), e.expiresAt());
			return left.isNegative() ? Duration.ZERO : left.compareTo(keep) < 0 ? left : keep;
		}
		return keep;
	}

	/**
	 * The value of {@code key}, computed by {@code loader} on the calling thread when the cache does not hold
	 * it; callers asking for the same key meanwhile wait for that computation instead of starting their own.
	 * A {@code null} from the loader is answered but not kept. A failure is thrown to every waiting caller
	 * and not kept either.
	 */
	public static <T> T get(Cache cache, Object key, Supplier<T> loader) {
		CompletableFuture<T> mine = new CompletableFuture<>();
		boolean[] computing = { false };
		CompletableFuture<T> shared = cache.retrieve(key, () -> {
			computing[0] = true;
			return mine;
		});
		if (computing[0]) {
			try {
				mine.complete(loader.get());
			} catch (RuntimeException | Error e) {
				mine.completeExceptionally(e);
				throw e;
			}
		}
		try {
			return shared.join();
		} catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			if (e.getCause() instanceof Error r) {
				throw r;
			}
			throw e;
		}
	}
}
