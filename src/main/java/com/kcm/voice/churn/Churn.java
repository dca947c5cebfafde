package com.kcm.voice.churn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.quality.ChurnFacts;
import com.kcm.quality.ChurnFacts.Cell;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/**
 * Churn as of a date (SPEC §7.6, Appendix A.4): base and churned customers from the quality module's repair history,
 * split by the dealer of each customer's latest repair order, that dealer's region, and the vehicle model of that
 * order; rates half-up to 4 places ({@code null} when the base is 0); the 12-month trend (as of each month's last
 * day, the current month up to today). Within the caller's scope (SPEC §8).
 */
@Service
class Churn {

	static final int MAX_MONTHS = 120;

	/** One row of a split: its key (dealer code, region code, model), label, base, churned and rate. */
	public record Row(String key, String label, long base, long churned, BigDecimal rate) {
	}

	/** The figures as of a date. */
	public record Figures(LocalDate asOf, int months, long base, long churned, BigDecimal rate, List<Row> byDealer,
			List<Row> byRegion, List<Row> byModel) {
	}

	/** A trend point: the month, as-of date and figures of the whole scope. */
	public record TrendPoint(String month, LocalDate asOf, long base, long churned, BigDecimal rate) {
	}

	private final ChurnFacts facts;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final CurrentUsers users;
	private final Clock clock;

	Churn(ChurnFacts facts, DealerCatalog dealers, Policies policies, CurrentUsers users, Clock clock) {
		this.facts = facts;
		this.dealers = dealers;
		this.policies = policies;
		this.users = users;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}

	/** The parameters as the API and the page take them: a date (default today) and months (default: the policy). */
	record Params(LocalDate asOf, int months) {
	}

	Params params(String asOf, String months) {
		List<Violation> errors = new ArrayList<>();
		LocalDate date = today();
		if (asOf != null && !asOf.isBlank()) {
			try {
				date = LocalDate.parse(asOf.strip());
			} catch (DateTimeParseException e) {
				errors.add(Violation.field("asOf", "churn.asOf.invalid"));
			}
		}
		Integer n = null;
		if (months != null && !months.isBlank()) {
			try {
				n = Integer.parseInt(months.strip());
				if (n < 1 || n > MAX_MONTHS) {
					errors.add(Violation.field("months", "churn.months.range", 1, MAX_MONTHS));
				}
			} catch (NumberFormatException e) {
				errors.add(Violation.field("months", "churn.months.range", 1, MAX_MONTHS));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Params(date, n != null ? n : policies.intOn(PolicyName.CHURN_MONTHS, date));
	}

	static BigDecimal rate(long churned, long base) {
		return base == 0 ? null : BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP);
	}

	public Figures asOf(LocalDate asOf, int months) {
		Scope scope = users.scope();
		List<Cell> cells = facts.cells(asOf, months, scope);
		Map<Long, DealerSummary> byId = dealersOf(cells);
		long base = cells.stream().mapToLong(Cell::base).sum();
		long churned = cells.stream().mapToLong(Cell::churned).sum();
		List<Row> byDealer = split(cells, c -> byId.get(c.dealerId()).code(), k -> dealerLabel(byId, k));
		List<Row> byRegion = split(cells, c -> byId.get(c.dealerId()).regionCode(),
				k -> byId.values().stream().filter(d -> d.regionCode().equals(k)).findFirst()
						.map(d -> d.regionCode() + " " + d.regionName()).orElse(k));
		List<Row> byModel = split(cells, c -> c.model() == null ? "" : c.model(), k -> k.isEmpty() ? "—" : k);
		return new Figures(asOf, months, base, churned, rate(churned, base), byDealer, byRegion, byModel);
	}

	private Map<Long, DealerSummary> dealersOf(List<Cell> cells) {
		Set<Long> ids = new HashSet<>();
		cells.forEach(c -> ids.add(c.dealerId()));
		return ids.isEmpty() ? Map.of() : dealers.byIds(ids);
	}

	private static String dealerLabel(Map<Long, DealerSummary> byId, String code) {
		return byId.values().stream().filter(d -> d.code().equals(code)).findFirst().map(DealerSummary::label)
				.orElse(code);
	}

	/** Sums the cells by a key; rows in key order (codes sort as text, as A.4 orders dealers). */
	private static List<Row> split(List<Cell> cells, Function<Cell, String> key, Function<String, String> label) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Cell c : cells) {
			long[] s = sums.computeIfAbsent(key.apply(c), k -> new long[2]);
			s[0] += c.base();
			s[1] += c.churned();
		}
		List<Row> rows = new ArrayList<>();
		sums.forEach((k, s) -> rows.add(new Row(k, label.apply(k), s[0], s[1], rate(s[1], s[0]))));
		return rows;
	}

	/**
	 * The 12 months up to the month of {@code asOf}: each month as of its last day (the last month as of
	 * {@code asOf}), in one query.
	 */
	public List<TrendPoint> trend(LocalDate asOf, int months) {
		YearMonth last = YearMonth.from(asOf);
		List<LocalDate> dates = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth m = last.minusMonths(i);
			dates.add(i == 0 ? asOf : m.atEndOfMonth());
		}
		List<TrendPoint> points = new ArrayList<>();
		for (ChurnFacts.Point p : facts.trend(dates, months, users.scope())) {
			long base = p.cells().stream().mapToLong(Cell::base).sum();
			long churned = p.cells().stream().mapToLong(Cell::churned).sum();
			points.add(new TrendPoint(YearMonth.from(p.asOf()).toString(), p.asOf(), base, churned, rate(churned, base)));
		}
		return points;
	}

	/** Rows in the A.4 shape. */
	/** Churn as of a date in the A.4 shape, with a row per dealer. */
	record FiguresAnswer(String asOf, int months, long base, long churned, BigDecimal rate, List<DealerRow> byDealer) {
	}

	record DealerRow(String dealerCode, long base, long churned, BigDecimal rate) {
	}

	/** Rows in the A.4 shape. */
	static FiguresAnswer json(Figures f) {
		return new FiguresAnswer(f.asOf().toString(), f.months(), f.base(), f.churned(), f.rate(),
				f.byDealer().stream().sorted(Comparator.comparing(Row::key))
						.map(r -> new DealerRow(r.key(), r.base(), r.churned(), r.rate())).toList());
	}
}
