package com.kcm.quality;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.kcm.audit.Audit;
import com.kcm.complaint.ComplaintSubCategories;
import com.kcm.complaint.QualityFacts;
import com.kcm.complaint.QualityFacts.Count;
import com.kcm.complaint.QualityFacts.Dimension;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.io.XlsxExport;

/**
 * The quality analysis of SPEC §7.7: complaints per month (the 12 months up to {@code to}) by category, sub-category, vehicle
 * model, dealer or region, and the Pareto of product-quality complaints by fault cause and by replaced part (from
 * final replies) with the cumulative percentage over the same months; ECharts as on the assessment dashboard,
 * every bar linking to its complaints; xlsx of each table.
 */
@Controller
@PreAuthorize(QualityRoles.WATCH)
class QualityAnalysis {

	static final List<String> DIMENSIONS = List.of("CATEGORY", "SUB_CATEGORY", "MODEL", "DEALER", "REGION");
	static final int DRILL_LIMIT = 500;

	private final QualityFacts facts;
	private final DealerCatalog dealers;
	private final MessageSource messages;
	private final Audit audit;
	private final Clock clock;
	private final ComplaintSubCategories subCategories;

	QualityAnalysis(QualityFacts facts, DealerCatalog dealers, MessageSource messages, Audit audit, Clock clock,
			ComplaintSubCategories subCategories) {
		this.subCategories = subCategories;
		this.facts = facts;
		this.dealers = dealers;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	YearMonth month(String to) {
		try {
			return to == null || to.isBlank() ? YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE))
					: YearMonth.parse(to.strip());
		} catch (java.time.DateTimeException e) {
			return YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
		}
	}

	static Instant start(YearMonth m) {
		return m.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	static String dimension(String d) {
		return d != null && DIMENSIONS.contains(d) ? d : "CATEGORY";
	}

	/** One series of the trend: its key, label and count per month. */
	record Series(String key, String label, long[] counts) {
	}

	record Trend(List<String> months, List<Series> series) {
	}

	Trend trend(String dimension, YearMonth to) {
		String d = dimension(dimension);
		List<String> months = new ArrayList<>();
		List<Map<String, Long>> perMonth = new ArrayList<>();
		Map<Long, DealerSummary> dealerById = new LinkedHashMap<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth m = to.minusMonths(i);
			months.add(m.toString());
			List<Count> counts = facts.counts(facts(d), start(m), start(m.plusMonths(1)));
			Map<String, Long> byKey = new LinkedHashMap<>();
			for (Count c : counts) {
				String key = c.key();
				if ((d.equals("DEALER") || d.equals("REGION")) && key != null) {
					long id = Long.parseLong(key);
					DealerSummary s = dealerById.computeIfAbsent(id, x -> dealers.byId(x).orElse(null));
					key = s == null ? null : d.equals("DEALER") ? s.code() : s.regionCode();
				}
				byKey.merge(key == null ? "" : key, c.count(), Long::sum);
			}
			perMonth.add(byKey);
		}
		Map<String, Long> totals = new LinkedHashMap<>();
		perMonth.forEach(m -> m.forEach((k, n) -> totals.merge(k, n, Long::sum)));
		List<String> keys = new ArrayList<>(totals.keySet());
		keys.sort(Comparator.comparing((String k) -> -totals.get(k)).thenComparing(k -> k));
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, ComplaintSubCategories.SubCategory> subs = d.equals("SUB_CATEGORY") ? subCategories.byCode()
				: Map.of();
		List<Series> series = new ArrayList<>();
		for (String k : keys) {
			long[] counts = new long[12];
			for (int i = 0; i < 12; i++) {
				counts[i] = perMonth.get(i).getOrDefault(k, 0L);
			}
			series.add(new Series(k, label(d, k, dealerById, subs, locale), counts));
		}
		return new Trend(months, series);
	}

	/** The complaint figures behind a dimension (region: by dealer, folded into regions here). */
	private static Dimension facts(String d) {
		return switch (d) {
			case "CATEGORY" -> Dimension.CATEGORY;
			case "SUB_CATEGORY" -> Dimension.SUB_CATEGORY;
			case "MODEL" -> Dimension.MODEL;
			default -> Dimension.DEALER;
		};
	}

	private String label(String d, String key, Map<Long, DealerSummary> dealerById,
			Map<String, ComplaintSubCategories.SubCategory> subs, Locale locale) {
		if (key.isEmpty()) {
			return messages.getMessage("quality.analysis.none", null, "—", locale);
		}
		return switch (d) {
			case "CATEGORY" -> messages.getMessage("cweb.category." + key, null, key, locale);
			case "SUB_CATEGORY" -> java.util.Optional.ofNullable(subs.get(key))
					.map(s -> messages.getMessage("cweb.category." + s.category(), null, s.category(), locale) + " / "
							+ s.name(locale))
					.orElse(key);
			case "DEALER" -> dealerById.values().stream().filter(s -> s != null && s.code().equals(key)).findFirst()
					.map(DealerSummary::label).orElse(key);
			case "REGION" -> dealers.regionByCode(key).map(r -> r.code() + " " + r.name()).orElse(key);
			default -> key;
		};
	}

	/** A Pareto bar: key, count and the cumulative share (0..1, 4 places) up to and including it. */
	record Bar(String key, long count, BigDecimal cumulative) {
	}

	List<Bar> pareto(boolean byPart, YearMonth to) {
		List<Count> counts = facts.pareto(byPart, start(to.minusMonths(11)), start(to.plusMonths(1)));
		long total = counts.stream().mapToLong(Count::count).sum();
		List<Bar> bars = new ArrayList<>();
		long running = 0;
		for (Count c : counts) {
			running += c.count();
			bars.add(new Bar(c.key(), c.count(), BigDecimal.valueOf(running).divide(BigDecimal.valueOf(total), 4,
					RoundingMode.HALF_UP)));
		}
		return bars;
	}

	@GetMapping("/quality/analysis")
	String page(@RequestParam(required = false) String dimension, @RequestParam(required = false) String to, Model m) {
		m.addAttribute("dimension", dimension(dimension));
		m.addAttribute("to", month(to).toString());
		m.addAttribute("dimensions", DIMENSIONS);
		return "quality/analysis";
	}

	@GetMapping("/quality/analysis/data/trend")
	@ResponseBody
	Trend trendData(@RequestParam(required = false) String dimension, @RequestParam(required = false) String to) {
		return trend(dimension, month(to));
	}

	@GetMapping("/quality/analysis/data/pareto")
	@ResponseBody
	List<Bar> paretoData(@RequestParam(defaultValue = "cause") String by, @RequestParam(required = false) String to) {
		return pareto("part".equals(by), month(to));
	}

	/** The complaints behind a bar: a trend bar (dimension, key, month) or a Pareto bar (by, key, to). */
	@GetMapping("/quality/analysis/complaints")
	String complaints(@RequestParam(required = false) String dimension, @RequestParam(required = false) String by,
			@RequestParam(required = false) String key, @RequestParam(required = false) String month,
			@RequestParam(required = false) String to, Model m) {
		List<QualityFacts.Line> lines;
		String k = key == null || key.isEmpty() ? null : key;
		if (by != null) {
			YearMonth end = month(to);
			lines = facts.complaintsOf("part".equals(by), k, start(end.minusMonths(11)), start(end.plusMonths(1)),
					DRILL_LIMIT);
		} else {
			String d = dimension(dimension);
			YearMonth mth = month(month);
			Instant from = start(mth);
			Instant until = start(mth.plusMonths(1));
			if (d.equals("REGION")) {
				lines = new ArrayList<>();
				if (k != null) {
					for (DealerSummary s : dealers.regionByCode(k).map(r -> dealers.dealersOfRegion(r.id())).orElse(List.of())) {
						lines.addAll(facts.complaints(Dimension.DEALER, String.valueOf(s.id()), from, until, DRILL_LIMIT));
					}
				}
			} else if (d.equals("DEALER")) {
				String id = k == null ? null : dealers.byCode(k).map(s -> String.valueOf(s.id())).orElse("-1");
				lines = facts.complaints(Dimension.DEALER, id, from, until, DRILL_LIMIT);
			} else {
				lines = facts.complaints(facts(d), k, from, until, DRILL_LIMIT);
			}
		}
		Set<Long> ids = new LinkedHashSet<>();
		lines.forEach(l -> {
			if (l.responsibleDealerId() != null) {
				ids.add(l.responsibleDealerId());
			}
		});
		m.addAttribute("lines", lines);
		m.addAttribute("dealers", ids.isEmpty() ? Map.of() : dealers.byIds(ids));
		m.addAttribute("key", k);
		return "quality/analysis-complaints";
	}

	@GetMapping("/quality/analysis/export")
	void export(@RequestParam(defaultValue = "trend") String what, @RequestParam(required = false) String dimension,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		YearMonth end = month(to);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"quality-" + what + "-" + end + ".xlsx\"");
		if (what.equals("trend")) {
			Trend t = trend(dimension, end);
			List<String> headers = new ArrayList<>();
			headers.add(messages.getMessage("quality.analysis.dimension." + dimension(dimension), null, locale));
			headers.addAll(t.months());
			XlsxExport.write(response.getOutputStream(), messages.getMessage("quality.analysis.trend", null, locale), null,
					headers, sink -> {
						for (Series s : t.series()) {
							List<Object> row = new ArrayList<>();
							row.add(s.label());
							Arrays.stream(s.counts()).forEach(row::add);
							sink.row(row);
						}
					});
		} else {
			List<Bar> bars = pareto("part".equals(what), end);
			XlsxExport.write(response.getOutputStream(),
					messages.getMessage("quality.analysis.pareto." + ("part".equals(what) ? "part" : "cause"), null, locale),
					null, List.of(messages.getMessage("quality.analysis.key", null, locale),
							messages.getMessage("quality.analysis.count", null, locale),
							messages.getMessage("quality.analysis.cumulative", null, locale)),
					sink -> bars.forEach(b -> sink.row(Arrays.asList(b.key(), b.count(), b.cumulative()))));
		}
		audit.event(Audit.EXPORT, "quality_analysis", null, what + " " + end);
	}
}
