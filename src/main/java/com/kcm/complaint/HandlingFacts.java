package com.kcm.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.shared.sql.BinaryResults;
import com.kcm.shared.sql.Databases;

/**
 * The handling facts of complaints as of a cut-off, for the assessment: one SQL query, counting only events
 * before the cut-off (see ARCHITECTURE). Each row is one dealer's first work order for one complaint that was
 * not voided before the cut-off; the complaint's state is the one its events strictly before the cut-off
 * give, so recomputing with the same cut-off gives the same facts. The values come from the handling summary
 * ({@link HandlingSummary}, ADR 0003), which decides them for any cut-off after the complaint's last changes;
 * only a complaint with two or more status (or category) changes at or after the cut-off, or replies and
 * callbacks on both sides of it, is looked up in its timeline.
 */
@Service
@Transactional(readOnly = true)
public class HandlingFacts {

	/**
	 * A value at instant {@code x} from the summary's latest entry, the one before it and the first one: the
	 * latest before {@code x} is the latest entry when that is before {@code x}, else the one before it when
	 * that is; there is none when the first entry is not before {@code x}; otherwise (two or more entries at or
	 * after {@code x}, rare) the timeline is looked up for this complaint as before ADR 0003.
	 */
	private static String latestBefore(String x, String column, String eventColumn) {
		return "case when s." + column + "_at < " + x + " then s." + column + " when s." + column + "_before_at < " + x
				+ " then s." + column + "_before when s." + column + "_first_at is null or s." + column + "_first_at >= "
				+ x + " then null else (select e." + eventColumn + " from complaint_event e"
				+ " where e.complaint_id = s.complaint_id and e.at < " + x + " and e." + eventColumn + " is not null"
				+ " order by e.at desc, e.id desc fetch first 1 rows only) end";
	}

	/** A callback fact at the cut-off: the summary's when every callback is before it, none when none is. */
	private static String callbackFact(String column, String none, String lookup) {
		return "case when s.callback_last_at < :c then s." + column
				+ " when s.callback_first_at is null or s.callback_first_at >= :c then " + none + " else (" + lookup
				+ ") end";
	}

	/**
	 * The facts from the handling summary (ADR 0003): one row of {@code complaint_handling_summary} per
	 * complaint and at most one of {@code work_order_handling_summary} per work order. Each value equals the
	 * timeline lookup of the same name "before the cut-off" (kept in the tests as their oracle). The complaint's
	 * kind, channel and online flag, which never change after registration, are on its summary row too: the
	 * complaint's own wide row is not read (its probe was a third of the query). A complaint's first work order
	 * ({@code seq} 1) has no earlier one to look for: most rows skip that lookup.
	 */
	private static final String FACTS = """
			select s.complaint_id, w.dealer_id, w.id as work_order_id, s.kind, s.channel, s.online_negative,
			       w.transfer, w.dispatched_at, w.reply_due_at, w.close_due_at,
			       case when ws.first_reply_at < :c then ws.first_reply_at end as first_reply_at,
			       case when ws.first_contact_at is null or not (ws.first_reply_at < :c) then null
			            when ws.contact_settled_at < :c then ws.first_contact_at
			            else (select min(r.contacted_customer_at) from work_order_reply r
			                   where r.work_order_id = w.id and r.at < :c) end as first_contact_at,
			""" + latestBefore(":c", "status", "to_status") + " as status_at,\n"
			+ latestBefore(":pc", "status", "to_status") + " as status_at_prev,\n"
			+ latestBefore(":c", "category", "category") + " as category_at,\n"
			+ "case when s.closed_at < :c then s.closed_at end as closed_at,\n"
			+ callbackFact("reached_callbacks", "0", "select count(*) from complaint_callback cb"
					+ " where cb.complaint_id = s.complaint_id and cb.at < :c and cb.reached = true")
			+ " as reached_callbacks,\n"
			+ callbackFact("false_replies", "0", "select count(*) from complaint_callback cb"
					+ " where cb.complaint_id = s.complaint_id and cb.at < :c and cb.false_reply = true")
			+ " as false_replies,\n"
			+ callbackFact("last_reached", "null", "select cb.reached from complaint_callback cb"
					+ " where cb.complaint_id = s.complaint_id and cb.at < :c"
					+ " order by cb.at desc, cb.id desc fetch first 1 rows only")
			+ " as last_reached,\n"
			+ callbackFact("last_satisfied", "null", "select cb.satisfied from complaint_callback cb"
					+ " where cb.complaint_id = s.complaint_id and cb.at < :c and cb.reached = true"
					+ " order by cb.at desc, cb.id desc fetch first 1 rows only") + " as last_satisfied\n"
			+ """
			from work_order w
			join complaint_handling_summary s on s.complaint_id = w.complaint_id
			left join work_order_handling_summary ws on ws.work_order_id = w.id
			where w.dispatched_at >= :from and w.dispatched_at < :to and w.dispatched_at < :c
			  and not (w.status = 'VOIDED' and w.ended_at < :c)
			  and (w.seq = 1 or not exists (select 1 from work_order w2
			                   where w2.complaint_id = w.complaint_id and w2.dealer_id = w.dealer_id and w2.seq < w.seq
			                     and w2.dispatched_at < :c and not (w2.status = 'VOIDED' and w2.ended_at < :c)))
			""";

	/** Candidates of the online carry-over read per statement. */
	private static final int CHUNK = 1_000;

	private static final Comparator<HandlingFact> BY_DEALER_AND_COMPLAINT = Comparator
			.comparingLong(HandlingFact::dealerId).thenComparingLong(HandlingFact::complaintId);

	private final JdbcClient jdbc;
	private final BinaryResults binary;
	private final Databases databases;

	HandlingFacts(JdbcClient jdbc, BinaryResults binary, Databases databases) {
		this.jdbc = jdbc;
		this.binary = binary;
		this.databases = databases;
	}

	/**
	 * Facts of the work orders first dispatched to their dealer from {@code from} up to, not including, {@code to}, as of {@code cutoff},
	 * with the status also at {@code previousCutoff} (the online carry-over). {@code dealerId} null: all dealers.
	 */
	public List<HandlingFact> dispatchedBetween(Instant from, Instant to, Instant cutoff, Instant previousCutoff,
			Long dealerId) {
		return dispatchedBetween(from, to, cutoff, previousCutoff, dealerId, 1, 0);
	}

	/**
	 * {@link #dispatchedBetween(Instant, Instant, Instant, Instant, Long)} for the dealers whose id modulo
	 * {@code parts} is {@code part}: the parts of one month can be read on separate connections at the same
	 * time (the per-complaint lookups of one query run in a single database process). Each part reads the whole
	 * month's work orders and keeps its own. Slices of the dispatch time would read only their own, but PostgreSQL
	 * planned them as hash joins over both summary tables read whole (measured: 587 against 191 ms per part); the
	 * modulo's fixed selectivity is what keeps it on the primary-key probes whatever its statistics say.
	 */
	public List<HandlingFact> dispatchedBetween(Instant from, Instant to, Instant cutoff, Instant previousCutoff,
			Long dealerId, int parts, int part) {
		withoutJitOrParallelWorkers();
		String sql = FACTS + (dealerId == null ? "" : " and w.dealer_id = :dealer")
				+ (parts > 1 ? " and mod(w.dealer_id, :parts) = :part" : "");
		var params = new MapSqlParameterSource().addValue("from", utc(from)).addValue("to", utc(to))
				.addValue("c", utc(cutoff)).addValue("pc", utc(previousCutoff));
		if (dealerId != null) {
			params.addValue("dealer", dealerId);
		}
		if (parts > 1) {
			params.addValue("parts", parts).addValue("part", part);
		}
		return sorted(new ArrayList<>(binary.query(sql, params, HandlingFacts::row)));
	}

	/**
	 * Online complaints first notified to their dealer before {@code monthStart} that were in no closed state
	 * at {@code previousCutoff}: the carry-over into the month (SPEC §4.4, §5.1). The candidates are read first
	 * — online complaints registered before the month (a work order is dispatched after its complaint's
	 * registration) and not closed before {@code previousCutoff}, on the index of channel and closing instant —
	 * and their facts then by complaint id: a handful of rows, where one query joining everything was planned on
	 * an estimate a hundred times too large and read the whole summary table.
	 */
	public List<HandlingFact> onlineCarriedOver(Instant monthStart, Instant cutoff, Instant previousCutoff,
			Long dealerId) {
		withoutJitOrParallelWorkers();
		List<Long> candidates = jdbc.sql("select c.id from complaint c where c.channel = 'ONLINE'"
				+ " and (c.closed_at is null or c.closed_at >= :pc) and c.registered_at < :to")
				.param("pc", utc(previousCutoff)).param("to", utc(monthStart)).query(Long.class).list();
		List<HandlingFact> out = new ArrayList<>();
		String sql = FACTS.replace("w.dispatched_at >= :from and ", "") + " and w.complaint_id in (:ids)"
				+ (dealerId == null ? "" : " and w.dealer_id = :dealer");
		for (int i = 0; i < candidates.size(); i += CHUNK) {
			var params = new MapSqlParameterSource().addValue("to", utc(monthStart)).addValue("c", utc(cutoff))
					.addValue("pc", utc(previousCutoff))
					.addValue("ids", candidates.subList(i, Math.min(candidates.size(), i + CHUNK)));
			if (dealerId != null) {
				params.addValue("dealer", dealerId);
			}
			out.addAll(binary.query(sql, params, HandlingFacts::row));
		}
		return sorted(out);
	}

	/**
	 * By dealer, then complaint: sorted here rather than by the query, whose tens of thousands of wide rows
	 * PostgreSQL sorted on disk beyond its default {@code work_mem}.
	 */
	private static List<HandlingFact> sorted(List<HandlingFact> facts) {
		facts.sort(BY_DEALER_AND_COMPLAINT);
		return facts;
	}

	/**
	 * On PostgreSQL, no JIT compilation and no parallel workers for the rest of the transaction: the facts
	 * queries are large expressions over tens of thousands of rows, which PostgreSQL's cost model sends to LLVM
	 * (measured: 0.5–1 s of compilation per query, more than the query itself), and the month's parts already
	 * run on one connection per core ({@code kcm.assessment.parallel-queries}).
	 */
	private void withoutJitOrParallelWorkers() {
		if (databases.isPostgres()) {
			jdbc.sql("set local jit = off").update();
			jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
		}
	}

	/** A row of {@link #FACTS}, its columns read by position (in the order they are selected). */
	static HandlingFact row(ResultSet rs, int n) throws SQLException {
		return new HandlingFact(rs.getLong(1), rs.getLong(2), rs.getLong(3), ComplaintKind.valueOf(rs.getString(4)),
				Channel.valueOf(rs.getString(5)), rs.getBoolean(6), !rs.getBoolean(7), instant(rs, 8), instant(rs, 9),
				instant(rs, 10), instant(rs, 11), instant(rs, 12), status(rs.getString(13)), status(rs.getString(14)),
				rs.getString(15) == null ? null : Category.valueOf(rs.getString(15)), instant(rs, 16), rs.getInt(17),
				rs.getInt(18), bool(rs, 19), bool(rs, 20));
	}

	private static ComplaintStatus status(String s) {
		return s == null ? null : ComplaintStatus.valueOf(s);
	}

	private static Boolean bool(ResultSet rs, int column) throws SQLException {
		boolean b = rs.getBoolean(column);
		return rs.wasNull() ? null : b;
	}

	/**
	 * An instant read as a {@link Timestamp}: with PostgreSQL's binary results the driver makes it from the
	 * microseconds it received, where {@code getObject(…, OffsetDateTime.class)} first looked the column's type up
	 * on every call (a quarter of reading the facts).
	 */
	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}
}
