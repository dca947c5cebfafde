package com.kcm.assessment;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.io.ImportColumns;
import com.kcm.shared.io.TabularFile;

/**
 * Monthly service visits per dealer (SPEC §2, §5.2), pushed by the dealer system
 * ({@code POST /service-visits}) or imported from xlsx or CSV. A batch is checked whole: any bad row is
 * reported with its index (API) or row number (file) and nothing is written; a month already recorded is
 * replaced. A stored quarterly limit that depends on a changed month is recomputed in the same transaction.
 */
@Service
class ServiceVisits {

	public record Entry(String dealerCode, String month, Integer visits) {
	}

	/** One recorded month of a dealer, with who recorded it when. */
	public record Recorded(long dealerId, String dealerCode, String dealerName, String regionName, String month,
			int visits, java.time.Instant recordedAt, String recordedBy) {

		/** When it was recorded, local time, for pages. */
		public String recordedAtLocal() {
			return Months.localText(recordedAt);
		}
	}

	/** The import file's columns (header match ignores case), Chinese first. */
	static final ImportColumns COLUMNS = ImportColumns.of(
			"dealerCode", List.of("服务商代码", "代码", "dealerCode", "dealer"),
			"month", List.of("月份", "month"),
			"visits", List.of("进站台次", "台次", "visits"));

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final DealerCatalog dealers;
	private final ComplaintLimits limits;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	ServiceVisits(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DealerCatalog dealers, ComplaintLimits limits,
			CurrentUsers users, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.dealers = dealers;
		this.limits = limits;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records a batch from the API; errors carry the item's index (from 0). */
	@Transactional
	public int record(List<Entry> entries) {
		if (entries == null || entries.isEmpty()) {
			throw ValidationException.of(null, "assessment.visits.empty");
		}
		int n = write(check(entries, i -> i));
		audit.event(Audit.IMPORT, "service_visit", null, n + " monthly service visit counts");
		return n;
	}

	/** Imports an xlsx or CSV file (dealer code, month YYYY-MM, visits); errors carry the row number. */
	@Transactional
	public int importFile(String filename, InputStream in) {
		List<TabularFile.Row> rows = COLUMNS.read(filename, in, "dealerCode", "month", "visits");
		List<Entry> entries = new ArrayList<>(rows.size());
		List<Violation> unreadable = new ArrayList<>();
		for (TabularFile.Row row : rows) {
			String visits = COLUMNS.get(row, "visits");
			Integer v = null;
			if (visits != null) {
				try {
					v = Integer.valueOf(visits.endsWith(".0") ? visits.substring(0, visits.length() - 2) : visits);
				} catch (NumberFormatException e) {
					unreadable.add(Violation.row(row.number(), "visits", "assessment.visits.invalid"));
					v = 0;
				}
			}
			entries.add(new Entry(COLUMNS.get(row, "dealerCode"), fileMonth(COLUMNS.get(row, "month")), v));
		}
		List<Object[]> checked;
		try {
			checked = check(entries, i -> rows.get(i).number());
		} catch (ValidationException e) {
			List<Violation> all = new ArrayList<>(unreadable);
			all.addAll(e.violations());
			all.sort(java.util.Comparator.comparing(Violation::index));
			throw new ValidationException(all);
		}
		if (!unreadable.isEmpty()) {
			throw new ValidationException(unreadable);
		}
		int n = write(checked);
		audit.event(Audit.IMPORT, "service_visit", null, n + " monthly service visit counts from " + filename);
		return n;
	}

	/** An xlsx template with the Chinese headers and one example row. */
	public void template(OutputStream out) {
		COLUMNS.template(out, List.of("D0001", "2026-03", 420));
	}

	/**
	 * A month typed in a spreadsheet may arrive as a date (Excel turns 2026-03 into 2026-03-01): the first
	 * of a month is read as that month; slashes are accepted too.
	 */
	private static String fileMonth(String s) {
		if (s == null) {
			return null;
		}
		String t = s.trim().replace('/', '-');
		if (t.matches("\\d{4}-\\d{1,2}")) {
			String[] p = t.split("-");
			return p[0] + "-" + (p[1].length() == 1 ? "0" + p[1] : p[1]);
		}
		if (t.matches("\\d{4}-\\d{2}-01")) {
			return t.substring(0, 7);
		}
		return s;
	}

	private List<Object[]> check(List<Entry> entries, IntUnaryOperator indexOf) {
		Map<String, DealerSummary> byCode = new HashMap<>();
		for (DealerSummary d : dealers.all()) {
			byCode.put(d.code(), d);
		}
		List<Violation> errors = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			int at = indexOf.applyAsInt(i);
			DealerSummary dealer = e == null || e.dealerCode() == null ? null
					: byCode.get(e.dealerCode().trim().toUpperCase(Locale.ROOT));
			if (dealer == null) {
				errors.add(Violation.row(at, "dealerCode", e == null || e.dealerCode() == null ? "error.required"
						: "assessment.dealer.unknown", e == null ? null : e.dealerCode()));
			}
			YearMonth month = null;
			try {
				month = Months.parse(e == null ? null : e.month(), "month");
			} catch (ValidationException ve) {
				errors.add(Violation.row(at, "month", "assessment.month.invalid", e == null ? null : e.month()));
			}
			if (e == null || e.visits() == null || e.visits() < 0) {
				errors.add(Violation.row(at, "visits", "assessment.visits.invalid"));
			}
			if (dealer != null && month != null && !seen.add(dealer.id() + "/" + month)) {
				errors.add(Violation.row(at, "month", "assessment.visits.duplicate", dealer.code(), month));
			}
			if (dealer != null && month != null && e.visits() != null) {
				rows.add(new Object[] { dealer.id(), month, e.visits() });
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return rows;
	}

	/** Writes checked rows in two batched statements, then refreshes the stored limits they feed. */
	private int write(List<Object[]> rows) {
		String by = users.find().map(u -> u.username()).orElse("system");
		var at = Months.utc(clock.instant());
		MapSqlParameterSource[] params = rows.stream().map(r -> new MapSqlParameterSource().addValue("d", r[0])
				.addValue("m", r[1].toString()).addValue("v", r[2]).addValue("at", at).addValue("by", by))
				.toArray(MapSqlParameterSource[]::new);
		batch.batchUpdate("delete from service_visit where dealer_id = :d and period_month = :m", params);
		batch.batchUpdate("insert into service_visit (dealer_id, period_month, visits, recorded_at, recorded_by) "
				+ "values (:d, :m, :v, :at, :by)", params);
		Map<YearMonth, Set<Long>> byQuarterStart = new LinkedHashMap<>();
		for (Object[] r : rows) {
			YearMonth next = Months.quarterStart((YearMonth) r[1]).plusMonths(3);
			byQuarterStart.computeIfAbsent(next, k -> new LinkedHashSet<>()).add((Long) r[0]);
		}
		byQuarterStart.forEach(limits::refreshStored);
		return rows.size();
	}

	/** Visits of a dealer in a month; a missing month counts as 0. */
	@Transactional(readOnly = true)
	public int visits(long dealerId, YearMonth month) {
		return jdbc.sql("select visits from service_visit where dealer_id = :d and period_month = :m").param("d", dealerId)
				.param("m", month.toString()).query(Integer.class).optional().orElse(0);
	}

	/** A page of a visible dealer's recorded months, newest first; another dealer is a 404 (audited). */
	@Transactional(readOnly = true)
	public Page<Recorded> history(String dealerCode, Pageable pageable) {
		DealerSummary d = dealers.visible(dealerCode);
		long total = jdbc.sql("select count(*) from service_visit where dealer_id = :d").param("d", d.id())
				.query(Long.class).single();
		List<Recorded> items = jdbc.sql("select period_month, visits, recorded_at, recorded_by from service_visit "
				+ "where dealer_id = :d order by period_month desc limit :n offset :o")
				.param("d", d.id()).param("o", pageable.getOffset()).param("n", pageable.getPageSize())
				.query((rs, i) -> new Recorded(d.id(), d.code(), d.name(), d.regionName(), rs.getString("period_month"),
						rs.getInt("visits"), rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
						rs.getString("recorded_by")))
				.list();
		return new PageImpl<>(items, pageable, total);
	}

	/**
	 * A page of one month's recorded visits of the dealers the caller may see (a regional user its region, a
	 * dealer user itself), optionally of one region, in dealer order.
	 */
	@Transactional(readOnly = true)
	public Page<Recorded> month(YearMonth month, String regionCode, Pageable pageable) {
		Collection<Long> ids = VisibleDealers.visibleDealerIds(dealers, users, regionCode);
		if (ids != null && ids.isEmpty()) {
			return new PageImpl<>(List.of(), pageable, 0);
		}
		String where = " where period_month = :m" + (ids == null ? "" : " and dealer_id in (:ids)");
		var count = jdbc.sql("select count(*) from service_visit" + where).param("m", month.toString());
		var list = jdbc.sql("select dealer_id, visits, recorded_at, recorded_by from service_visit" + where
				+ " order by dealer_id limit :n offset :o").param("m", month.toString())
				.param("o", pageable.getOffset()).param("n", pageable.getPageSize());
		if (ids != null) {
			count = count.param("ids", ids);
			list = list.param("ids", ids);
		}
		long total = count.query(Long.class).single();
		List<Object[]> raw = list.query((rs, i) -> new Object[] { rs.getLong("dealer_id"), rs.getInt("visits"),
				rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("recorded_by") })
				.list();
		Map<Long, DealerSummary> byId = dealers.byIds(raw.stream().map(r -> (Long) r[0]).toList());
		List<Recorded> items = raw.stream().map(r -> {
			DealerSummary d = byId.get((Long) r[0]);
			return new Recorded((Long) r[0], d == null ? "?" : d.code(), d == null ? "" : d.name(),
					d == null ? "" : d.regionName(), month.toString(), (Integer) r[1], (java.time.Instant) r[2],
					(String) r[3]);
		}).toList();
		return new PageImpl<>(items, pageable, total);
	}
}
