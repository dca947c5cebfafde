package com.kcm.assessment;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.dealer.RegionSummary;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.io.XlsxExport;
import com.kcm.shared.pdf.PdfDocument;

/**
 * The monthly bulletin (月度通报, SPEC §5.4): every dealer of a month from its latest computation, grouped by
 * region and ranked within the region by monthly closure rate, then first-time closure rate, then
 * satisfaction rate (higher first, no rate last), then fewer complaints; dealers equal on all four share a
 * rank and are listed by code. Scoped: a regional user sees only its region, a dealer user only its dealer.
 * Exported as xlsx and as a landscape PDF.
 */
@Service
class Bulletins {

	/** One dealer's line of the bulletin. {@code rank} is the rank within its region. */
	public record Row(int rank, String regionCode, String regionName, String dealerCode, String dealerName,
			String dealerType, int complaints, int unreachable, BigDecimal replyTimelinessRate, BigDecimal contact24hRate,
			int falseReplies, BigDecimal firstTimeClosureRate, BigDecimal monthlyClosureRate, BigDecimal satisfactionRate,
			int countedTowardLimit, int limit, int conditionsMet, int conditionsTotal, List<String> unmetConditions,
			BigDecimal supportAmount, BigDecimal penaltyAmount, BigDecimal netAmount) {
	}

	/**
	 * A month's bulletin as the caller may see it; {@code computed} false when the month has no computation
	 * (then there are no rows). {@code cutoff} and {@code computedAt} are those of the latest computation shown.
	 */
	public record Bulletin(YearMonth month, boolean computed, Instant cutoff, Instant computedAt, RegionSummary region,
			List<Row> rows) {
	}

	/** SPEC §5.4: the order within a region; dealer code breaks the remaining ties only for a stable listing. */
	static final Comparator<Row> RANKING = Comparator
			.comparing(Row::monthlyClosureRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
			.thenComparing(Row::firstTimeClosureRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
			.thenComparing(Row::satisfactionRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
			.thenComparingInt(Row::complaints);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final StoredResults stored;
	private final DealerCatalog dealers;
	private final AssessmentScope scope;
	private final MessageSource messages;
	private final Audit audit;

	Bulletins(StoredResults stored, DealerCatalog dealers, AssessmentScope scope, MessageSource messages, Audit audit) {
		this.stored = stored;
		this.dealers = dealers;
		this.scope = scope;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * The bulletin of the month, optionally of one region ({@code regionCode} blank: every region the caller
	 * may see). An unknown region, or one outside the caller's scope (audited), is a 404.
	 */
	public Bulletin bulletin(YearMonth month, String regionCode) {
		AssessmentScope.Selection selection = scope.select(null, regionCode);
		RegionSummary region = selection.region();
		List<Long> dealerIds = selection.dealerIds();
		if (!stored.computed(month)) {
			return new Bulletin(month, false, null, null, region, List.of());
		}
		List<StoredResults.Stored> results = stored.latest(List.of(month), dealerIds);
		Map<Long, DealerSummary> byId = dealers.byIds(results.stream().map(StoredResults.Stored::dealerId).toList());
		Instant cutoff = null;
		Instant computedAt = null;
		List<Row> unranked = new ArrayList<>(results.size());
		for (StoredResults.Stored s : results) {
			DealerSummary d = byId.get(s.dealerId());
			if (d == null) {
				continue;
			}
			if (computedAt == null || s.computedAt().isAfter(computedAt)) {
				computedAt = s.computedAt();
				cutoff = s.cutoff();
			}
			unranked.add(row(0, d, s));
		}
		return new Bulletin(month, true, cutoff, computedAt, region, rank(unranked));
	}

	/**
	 * Groups by region (region code order) and ranks within each region; rows equal on every ranking key
	 * share the rank (1, 1, 3) and are listed by dealer code.
	 */
	static List<Row> rank(List<Row> rows) {
		Map<String, List<Row>> byRegion = rows.stream()
				.collect(Collectors.groupingBy(r -> Objects.toString(r.regionCode(), ""), java.util.TreeMap::new,
						Collectors.toList()));
		List<Row> out = new ArrayList<>(rows.size());
		for (List<Row> region : byRegion.values()) {
			region.sort(RANKING.thenComparing(Row::dealerCode));
			Row previous = null;
			int rank = 0;
			for (int i = 0; i < region.size(); i++) {
				Row r = region.get(i);
				if (previous == null || RANKING.compare(previous, r) != 0) {
					rank = i + 1;
				}
				out.add(withRank(r, rank));
				previous = r;
			}
		}
		return out;
	}

	private static Row withRank(Row r, int rank) {
		return new Row(rank, r.regionCode(), r.regionName(), r.dealerCode(), r.dealerName(), r.dealerType(),
				r.complaints(), r.unreachable(), r.replyTimelinessRate(), r.contact24hRate(), r.falseReplies(),
				r.firstTimeClosureRate(), r.monthlyClosureRate(), r.satisfactionRate(), r.countedTowardLimit(), r.limit(),
				r.conditionsMet(), r.conditionsTotal(), r.unmetConditions(), r.supportAmount(), r.penaltyAmount(),
				r.netAmount());
	}

	private static Row row(int rank, DealerSummary d, StoredResults.Stored s) {
		int met = 0;
		int total = 0;
		List<String> unmet = new ArrayList<>();
		JsonNode conditions = s.result().get("conditions");
		if (conditions != null) {
			for (JsonNode c : conditions) {
				total++;
				if (c.get("met").asBoolean()) {
					met++;
				} else {
					unmet.add(c.get("code").asString());
				}
			}
		}
		return new Row(rank, d.regionCode(), d.regionName(), d.code(), d.name(), d.type().code(),
				s.integer("complaints"), s.integer("unreachable"), s.decimal("replyTimelinessRate"),
				s.decimal("contact24hRate"), s.integer("falseReplies"), s.decimal("firstTimeClosureRate"),
				s.decimal("monthlyClosureRate"), s.decimal("satisfactionRate"), s.integer("countedTowardLimit"),
				s.integer("limit"), met, total, List.copyOf(unmet), money(s.decimal("supportAmount")),
				money(s.decimal("penaltyAmount")), money(s.decimal("netAmount")));
	}

	private static BigDecimal money(BigDecimal v) {
		return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	// ---- presentation shared by the page and the exports ----------------------------------------------

	/** A rate as a percentage ({@code 0.6250} → 62.5%), {@code null} as a dash. */
	public static String percent(BigDecimal rate) {
		if (rate == null) {
			return "—";
		}
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** {@link #percent} for templates. */
	public static final class Percent {

		public String of(BigDecimal rate) {
			return percent(rate);
		}
	}

	/** "2026年4月服务商抱怨处理月度通报", with the region when the bulletin is of one region. */
	public String title(Bulletin b, Locale locale) {
		String title = text("bulletin.document.title", locale, String.valueOf(b.month().getYear()),
				String.valueOf(b.month().getMonthValue()));
		return b.region() == null ? title : title + text("bulletin.document.ofRegion", locale, b.region().name());
	}

	List<String> headers(Locale locale) {
		return Arrays.stream(new String[] { "rank", "region", "dealer", "type", "complaints", "unreachable",
				"replyTimeliness", "contact24h", "falseReplies", "firstTimeClosure", "monthlyClosure", "satisfaction",
				"countedVsLimit", "conditionsMet", "support", "penalties", "net" })
				.map(k -> text("bulletin.col." + k, locale)).toList();
	}

	List<Object> cells(Row r) {
		return Arrays.asList(r.rank(), r.regionName(), r.dealerCode() + " " + r.dealerName(), r.dealerType(),
				r.complaints(), r.unreachable(), percent(r.replyTimelinessRate()), percent(r.contact24hRate()),
				r.falseReplies(), percent(r.firstTimeClosureRate()), percent(r.monthlyClosureRate()),
				percent(r.satisfactionRate()), r.countedTowardLimit() + " / " + r.limit(),
				r.conditionsMet() + " / " + r.conditionsTotal(), r.supportAmount(), r.penaltyAmount(), r.netAmount());
	}

	private String subtitle(Bulletin b, Locale locale) {
		return text("bulletin.document.subtitle", locale,
				b.cutoff() == null ? "—" : LOCAL.format(b.cutoff().atZone(TimeConfig.BUSINESS_ZONE)),
				b.computedAt() == null ? "—" : LOCAL.format(b.computedAt().atZone(TimeConfig.BUSINESS_ZONE)),
				String.valueOf(b.rows().size()));
	}

	/** The bulletin as xlsx: a title row, the headers, one row per dealer in bulletin order. 404 when not computed. */
	public void xlsx(YearMonth month, String regionCode, Locale locale, OutputStream out) {
		Bulletin b = requireComputed(month, regionCode);
		XlsxExport.write(out, month.toString(), title(b, locale) + "（" + subtitle(b, locale) + "）", headers(locale),
				sink -> b.rows().forEach(r -> sink.row(cells(r))));
		audit.event(Audit.EXPORT, "bulletin", month.toString(), "xlsx, " + b.rows().size() + " dealers"
				+ (b.region() == null ? "" : ", region " + b.region().code()));
	}

	/** The bulletin as a landscape PDF, one table per region. 404 when not computed. */
	public void pdf(YearMonth month, String regionCode, Locale locale, OutputStream out) {
		Bulletin b = requireComputed(month, regionCode);
		String title = title(b, locale);
		List<String> headers = headers(locale);
		float[] widths = { 2.5f, 5, 20, 2.5f, 3.5f, 3.5f, 4.5f, 4.5f, 3.5f, 4.5f, 4.5f, 4.5f, 4, 3.5f, 5, 5, 5 };
		PdfDocument.writeLandscape(out, title, doc -> {
			doc.heading(title);
			doc.paragraph(subtitle(b, locale));
			doc.paragraph(text("bulletin.document.rule", locale));
			if (b.rows().isEmpty()) {
				doc.paragraph(text("bulletin.empty", locale));
			}
			Map<String, List<Row>> byRegion = b.rows().stream().collect(
					Collectors.groupingBy(r -> Objects.toString(r.regionName(), ""), java.util.LinkedHashMap::new,
							Collectors.toList()));
			byRegion.forEach((name, rows) -> {
				doc.subheading(text("bulletin.document.region", locale, name, String.valueOf(rows.size())));
				doc.table(headers, rows.stream().map(this::cells).toList(), widths);
			});
		});
		audit.event(Audit.EXPORT, "bulletin", month.toString(), "pdf, " + b.rows().size() + " dealers"
				+ (b.region() == null ? "" : ", region " + b.region().code()));
	}

	private Bulletin requireComputed(YearMonth month, String regionCode) {
		Bulletin b = bulletin(month, regionCode);
		if (!b.computed()) {
			throw new NotFoundException("bulletin", month.toString());
		}
		return b;
	}

	/** Names of the conditions a row does not meet, for a tooltip. */
	String unmetText(Row r, Locale locale) {
		return r.unmetConditions().stream().map(c -> text("bulletin.condition." + c, locale))
				.collect(Collectors.joining("、"));
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
