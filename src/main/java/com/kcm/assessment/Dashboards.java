package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.kcm.complaint.ComplaintStatistics;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;

/**
 * The figures behind the assessment dashboard, all scoped (a dealer user its dealer, a regional user its
 * region): indicator trends over twelve months from the stored computations, the complaints of a month by
 * category, and the dealers closest to (or furthest over) their complaint limit.
 */
@Service
class Dashboards {

	/** Twelve months of one dealer, one region or the network; a month without a computation is null throughout. */
	public record Trend(String level, String code, String label, List<String> months, List<Integer> complaints,
			List<BigDecimal> monthlyClosureRate, List<BigDecimal> firstTimeClosureRate, List<BigDecimal> satisfactionRate) {
	}

	/** Complaints of one category in the month. */
	public record CategorySlice(String category, String label, long count) {
	}

	/** A dealer's counted complaints against its limit; {@code headroom} = limit − counted (negative: over). */
	public record LimitHeadroom(String dealerCode, String dealerName, String regionName, int counted, int limit,
			int headroom) {
	}

	static final int MONTHS = 12;
	static final int HEADROOM_TOP = 15;

	private final StoredResults stored;
	private final AssessmentScope scope;
	private final DealerCatalog dealers;
	private final ComplaintStatistics statistics;
	private final MessageSource messages;

	Dashboards(StoredResults stored, AssessmentScope scope, DealerCatalog dealers, ComplaintStatistics statistics,
			MessageSource messages) {
		this.stored = stored;
		this.scope = scope;
		this.dealers = dealers;
		this.statistics = statistics;
		this.messages = messages;
	}

	/**
	 * The twelve months ending with {@code last}. A region or the network is aggregated over its dealers:
	 * complaints summed; monthly closure and satisfaction as the sum of the dealers' numerators over the sum
	 * of their denominators (complaints − unreachable; a numerator is the stored rate times its denominator,
	 * exact to the unit); first-time closure as the dealers' rates weighted by their called-back complaints
	 * (the stored result does not keep that denominator, see docs/decisions.md).
	 */
	public Trend trend(YearMonth last, String dealerCode, String regionCode, Locale locale) {
		AssessmentScope.Selection sel = scope.select(dealerCode, regionCode);
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(last.minusMonths(i));
		}
		Map<YearMonth, List<StoredResults.Stored>> byMonth = stored.latest(months, sel.dealerIds()).stream()
				.collect(Collectors.groupingBy(StoredResults.Stored::month));
		List<Integer> complaints = new ArrayList<>();
		List<BigDecimal> monthly = new ArrayList<>();
		List<BigDecimal> firstTime = new ArrayList<>();
		List<BigDecimal> satisfaction = new ArrayList<>();
		for (YearMonth m : months) {
			List<StoredResults.Stored> rs = byMonth.get(m);
			if (rs == null) {
				complaints.add(null);
				monthly.add(null);
				firstTime.add(null);
				satisfaction.add(null);
				continue;
			}
			int total = 0;
			long closed = 0;
			long satisfied = 0;
			long base = 0;
			BigDecimal firstWeighted = BigDecimal.ZERO;
			long calledBack = 0;
			for (StoredResults.Stored s : rs) {
				int c = s.integer("complaints");
				int reachable = c - s.integer("unreachable");
				total += c;
				if (reachable > 0) {
					base += reachable;
					closed += numerator(s.decimal("monthlyClosureRate"), reachable);
					satisfied += numerator(s.decimal("satisfactionRate"), reachable);
				}
				BigDecimal ft = s.decimal("firstTimeClosureRate");
				int cb = s.integer("calledBack");
				if (ft != null && cb > 0) {
					firstWeighted = firstWeighted.add(ft.multiply(BigDecimal.valueOf(cb)));
					calledBack += cb;
				}
			}
			complaints.add(total);
			monthly.add(Rates.of(closed, base));
			satisfaction.add(Rates.of(satisfied, base));
			firstTime.add(calledBack == 0 ? null
					: firstWeighted.divide(BigDecimal.valueOf(calledBack), 4, RoundingMode.HALF_UP));
		}
		String level = sel.dealer() != null ? "DEALER" : sel.region() != null ? "REGION" : "NETWORK";
		String code = sel.dealer() != null ? sel.dealer().code() : sel.region() != null ? sel.region().code() : null;
		String label = sel.dealer() != null ? sel.dealer().label()
				: sel.region() != null ? sel.region().name() : text("dashboard.network", locale);
		return new Trend(level, code, label, months.stream().map(YearMonth::toString).toList(), complaints, monthly,
				firstTime, satisfaction);
	}

	/** The stored rate times its denominator, back to the whole count (exact while the denominator is below 10,000). */
	static long numerator(BigDecimal rate, int denominator) {
		return rate == null ? 0
				: rate.multiply(BigDecimal.valueOf(denominator)).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/** Complaints first dispatched in the month by category (complaint module, scoped), largest first. */
	public List<CategorySlice> categories(YearMonth month, String dealerCode, String regionCode, Locale locale) {
		AssessmentScope.Selection sel = scope.select(dealerCode, regionCode);
		return statistics.byCategory(Months.start(month), Months.end(month), sel.dealerIds()).stream()
				.map(c -> {
					String key = c.category() == null ? "NONE" : c.category().name();
					return new CategorySlice(key, text("dashboard.category." + key, locale), c.count());
				}).toList();
	}

	/**
	 * The dealers with the least headroom under their limit in the month's latest computation (most over
	 * first), then more counted complaints, then dealer code; at most fifteen.
	 */
	public List<LimitHeadroom> headroom(YearMonth month, String dealerCode, String regionCode) {
		AssessmentScope.Selection sel = scope.select(dealerCode, regionCode);
		List<StoredResults.Stored> rs = stored.latest(List.of(month), sel.dealerIds());
		Map<Long, DealerSummary> byId = dealers.byIds(rs.stream().map(StoredResults.Stored::dealerId).toList());
		List<LimitHeadroom> out = new ArrayList<>();
		for (StoredResults.Stored s : rs) {
			DealerSummary d = byId.get(s.dealerId());
			if (d == null) {
				continue;
			}
			int counted = s.integer("countedTowardLimit");
			int limit = s.integer("limit");
			out.add(new LimitHeadroom(d.code(), d.name(), d.regionName(), counted, limit, limit - counted));
		}
		out.sort(Comparator.comparingInt(LimitHeadroom::headroom)
				.thenComparing(Comparator.comparingInt(LimitHeadroom::counted).reversed())
				.thenComparing(LimitHeadroom::dealerCode));
		return out.size() > HEADROOM_TOP ? List.copyOf(out.subList(0, HEADROOM_TOP)) : out;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
