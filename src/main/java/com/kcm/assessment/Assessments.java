package com.kcm.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.complaint.HandlingFact;
import com.kcm.complaint.HandlingFacts;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerStatus;
import com.kcm.dealer.DealerSummary;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;

/**
 * Computes the monthly indicators of SPEC §5.1 for a dealer (or all dealers), a month and a cut-off, from
 * the complaint module's handling facts — one query for the month's work orders, one for the online
 * carry-over — never loading complaints as entities.
 */
@Service
@Transactional(readOnly = true)
public class Assessments {

	private final HandlingFacts facts;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final int parallelQueries;
	private final ExecutorService executor;

	Assessments(HandlingFacts facts, DealerCatalog dealers, Policies policies,
			@Value("${kcm.assessment.parallel-queries:2}") int parallelQueries) {
		this.facts = facts;
		this.dealers = dealers;
		this.policies = policies;
		this.parallelQueries = parallelQueries;
		AtomicInteger n = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(Math.max(1, parallelQueries) + 1, r -> {
			Thread t = new Thread(r, "assessment-facts-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/** Default cut-off of month M: 16:30 (policy) on the 15th (policy) of M+1, local time. */
	public Instant defaultCutoff(YearMonth month) {
		YearMonth next = month.plusMonths(1);
		LocalDate first = next.atDay(1);
		int day = policies.intOn(PolicyName.ASSESSMENT_CUTOFF_DAY, first);
		LocalTime time = policies.timeOn(PolicyName.ASSESSMENT_CUTOFF_TIME, first);
		return next.atDay(Math.min(day, next.lengthOfMonth())).atTime(time).atZone(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	public MonthlyIndicators indicators(long dealerId, YearMonth month, Instant cutoff) {
		return compute(month, cutoff, dealerId).getOrDefault(dealerId, empty(dealerId, month, cutoff));
	}

	/** Every dealer's indicators for the month (dealers without any case get zero counts and null rates). */
	public List<MonthlyIndicators> all(YearMonth month, Instant cutoff) {
		Map<Long, MonthlyIndicators> computed = compute(month, cutoff, null);
		List<MonthlyIndicators> out = new ArrayList<>();
		for (DealerSummary d : dealers.all()) {
			out.add(computed.getOrDefault(d.id(), empty(d.id(), month, cutoff)));
		}
		return out;
	}

	private Map<Long, MonthlyIndicators> compute(YearMonth month, Instant cutoff, Long dealerId) {
		Instant start = month.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		Instant previousCutoff = defaultCutoff(month.minusMonths(1));
		List<HandlingFact> rows = dealerId == null ? readConcurrently(start, end, cutoff, previousCutoff)
				: new ArrayList<>(facts.dispatchedBetween(start, end, cutoff, previousCutoff, dealerId));
		if (dealerId != null) {
			rows.addAll(facts.onlineCarriedOver(start, cutoff, previousCutoff, dealerId));
		}
		Map<Long, List<HandlingFact>> byDealer = rows.stream().collect(Collectors.groupingBy(HandlingFact::dealerId));
		LocalDate lastDay = month.atEndOfMonth();
		Predicate<Long> againstNoOne = dealerId == null ? countAgainstNoOne(lastDay)
				: id -> countsAgainstNoOne(id, lastDay);
		return byDealer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
				e -> IndicatorCalculator.compute(e.getKey(), month, cutoff, e.getValue(), start, end,
						againstNoOne.test(e.getKey()))));
	}

	/**
	 * The facts of every dealer: the month's work orders in {@code parallelQueries} parts by dealer and the
	 * online carry-over, each query on its own connection at the same time (a query's per-complaint
	 * lookups run in one database process, so one query uses one core).
	 */
	private List<HandlingFact> readConcurrently(Instant start, Instant end, Instant cutoff, Instant previousCutoff) {
		int parts = Math.max(1, parallelQueries);
		List<CompletableFuture<List<HandlingFact>>> reads = new ArrayList<>();
		for (int part = 0; part < parts; part++) {
			int p = part;
			reads.add(CompletableFuture.supplyAsync(
					() -> facts.dispatchedBetween(start, end, cutoff, previousCutoff, null, parts, p), executor));
		}
		reads.add(CompletableFuture.supplyAsync(() -> facts.onlineCarriedOver(start, cutoff, previousCutoff, null),
				executor));
		List<HandlingFact> rows = new ArrayList<>();
		try {
			for (CompletableFuture<List<HandlingFact>> r : reads) {
				rows.addAll(r.join());
			}
		} catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw e;
		}
		return rows;
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/**
	 * {@link #countsAgainstNoOne(long, LocalDate)} for every dealer at once, from the statuses of all dealers
	 * on the day (a bounded number of queries, none per dealer).
	 */
	Predicate<Long> countAgainstNoOne(LocalDate lastDay) {
		Map<Long, DealerStatus> statuses = dealers.statusesOn(lastDay);
		Map<Long, Long> regionOf = new HashMap<>();
		Map<Long, Integer> activeInRegion = new HashMap<>();
		for (DealerSummary d : dealers.all()) {
			regionOf.put(d.id(), d.regionId());
			if (statuses.get(d.id()) == DealerStatus.ACTIVE) {
				activeInRegion.merge(d.regionId(), 1, Integer::sum);
			}
		}
		// A terminated dealer is not active itself, so any active dealer of its region is another one.
		return id -> statuses.get(id) == DealerStatus.TERMINATED && regionOf.containsKey(id)
				&& activeInRegion.getOrDefault(regionOf.get(id), 0) == 0;
	}

	/**
	 * SPEC §5.2 exception: a dealer {@code TERMINATED} on the month's last day, with no other dealer of its
	 * region {@code ACTIVE} that day, has its complaints counted against no one.
	 */
	boolean countsAgainstNoOne(long dealerId, LocalDate lastDay) {
		if (dealers.statusOn(dealerId, lastDay).orElse(null) != DealerStatus.TERMINATED) {
			return false;
		}
		long regionId = dealers.byId(dealerId).map(DealerSummary::regionId).orElse(-1L);
		return dealers.dealersOfRegion(regionId).stream().filter(d -> d.id() != dealerId)
				.noneMatch(d -> dealers.statusOn(d.id(), lastDay).orElse(null) == DealerStatus.ACTIVE);
	}

	private static MonthlyIndicators empty(long dealerId, YearMonth month, Instant cutoff) {
		return IndicatorCalculator.compute(dealerId, month, cutoff, List.of(), Instant.EPOCH, Instant.EPOCH, false);
	}
}
