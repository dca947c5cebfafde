package com.kcm.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling facts of complaints as of a cut-off, for the assessment: one SQL query over the timeline,
 * counting only events before the cut-off (see ARCHITECTURE). Each row is one dealer's first work order for one
 * complaint that was not voided before the cut-off; the complaint's state comes from its events
 * strictly before the cut-off, so recomputing with the same cut-off gives the same facts.
 */
@Service
@Transactional(readOnly = true)
public class HandlingFacts {

	private static final String FACTS = """
			select c.id as complaint_id, w.dealer_id, w.id as work_order_id, c.kind, c.channel, c.online_negative,
			       w.transfer, w.dispatched_at, w.reply_due_at, w.close_due_at,
			       (select min(r.at) from work_order_reply r where r.work_order_id = w.id and r.at < :c) as first_reply_at,
			       (select min(r.contacted_customer_at) from work_order_reply r
			         where r.work_order_id = w.id and r.at < :c) as first_contact_at,
			       (select e.to_status from complaint_event e where e.complaint_id = c.id and e.at < :c
			         and e.to_status is not null order by e.at desc, e.id desc fetch first 1 rows only) as status_at,
			       (select e.to_status from complaint_event e where e.complaint_id = c.id and e.at < :pc
			         and e.to_status is not null order by e.at desc, e.id desc fetch first 1 rows only) as status_at_prev,
			       (select e.category from complaint_event e where e.complaint_id = c.id and e.at < :c
			         and e.category is not null order by e.at desc, e.id desc fetch first 1 rows only) as category_at,
			       (select min(e.at) from complaint_event e where e.complaint_id = c.id and e.at < :c
			         and e.to_status in ('CLOSED', 'FORCE_CLOSED', 'CLOSED_UNREACHABLE')) as closed_at,
			       (select count(*) from complaint_callback cb where cb.complaint_id = c.id and cb.at < :c
			         and cb.reached = true) as reached_callbacks,
			       (select count(*) from complaint_callback cb where cb.complaint_id = c.id and cb.at < :c
			         and cb.false_reply = true) as false_replies,
			       (select cb.reached from complaint_callback cb where cb.complaint_id = c.id and cb.at < :c
			         order by cb.at desc, cb.id desc fetch first 1 rows only) as last_reached,
			       (select cb.satisfied from complaint_callback cb where cb.complaint_id = c.id and cb.at < :c
			         and cb.reached = true order by cb.at desc, cb.id desc fetch first 1 rows only) as last_satisfied
			from work_order w
			join complaint c on c.id = w.complaint_id
			where w.dispatched_at >= :from and w.dispatched_at < :to and w.dispatched_at < :c
			  and not (w.status = 'VOIDED' and w.ended_at < :c)
			  and not exists (select 1 from work_order w2
			                   where w2.complaint_id = w.complaint_id and w2.dealer_id = w.dealer_id and w2.seq < w.seq
			                     and w2.dispatched_at < :c and not (w2.status = 'VOIDED' and w2.ended_at < :c))
			""";

	private final JdbcClient jdbc;

	HandlingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * time (the per-complaint lookups of one query run in a single database process).
	 */
	public List<HandlingFact> dispatchedBetween(Instant from, Instant to, Instant cutoff, Instant previousCutoff,
			Long dealerId, int parts, int part) {
		String sql = FACTS + (dealerId == null ? "" : " and w.dealer_id = :dealer")
				+ (parts > 1 ? " and mod(w.dealer_id, :parts) = :part" : "") + " order by w.dealer_id, c.id";
		var spec = jdbc.sql(sql).param("from", utc(from)).param("to", utc(to)).param("c", utc(cutoff))
				.param("pc", utc(previousCutoff));
		if (dealerId != null) {
			spec = spec.param("dealer", dealerId);
		}
		if (parts > 1) {
			spec = spec.param("parts", parts).param("part", part);
		}
		return spec.query(HandlingFacts::row).list();
	}

	/**
	 * Online complaints first notified to their dealer before {@code monthStart} that were in no closed state
	 * at {@code previousCutoff}: the carry-over into the month (SPEC §4.4, §5.1).
	 */
	public List<HandlingFact> onlineCarriedOver(Instant monthStart, Instant cutoff, Instant previousCutoff,
			Long dealerId) {
		String sql = FACTS.replace("w.dispatched_at >= :from and ", "")
				+ " and c.channel = 'ONLINE' and (c.closed_at is null or c.closed_at >= :pc)"
				+ (dealerId == null ? "" : " and w.dealer_id = :dealer") + " order by w.dealer_id, c.id";
		var spec = jdbc.sql(sql).param("to", utc(monthStart)).param("c", utc(cutoff)).param("pc", utc(previousCutoff));
		if (dealerId != null) {
			spec = spec.param("dealer", dealerId);
		}
		return spec.query(HandlingFacts::row).list();
	}

	private static HandlingFact row(ResultSet rs, int n) throws SQLException {
		return new HandlingFact(rs.getLong("complaint_id"), rs.getLong("dealer_id"), rs.getLong("work_order_id"),
				ComplaintKind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")),
				rs.getBoolean("online_negative"), !rs.getBoolean("transfer"), instant(rs, "dispatched_at"),
				instant(rs, "reply_due_at"), instant(rs, "close_due_at"), instant(rs, "first_reply_at"),
				instant(rs, "first_contact_at"), status(rs.getString("status_at")), status(rs.getString("status_at_prev")),
				rs.getString("category_at") == null ? null : Category.valueOf(rs.getString("category_at")),
				instant(rs, "closed_at"), rs.getInt("reached_callbacks"), rs.getInt("false_replies"),
				bool(rs, "last_reached"), bool(rs, "last_satisfied"));
	}

	private static ComplaintStatus status(String s) {
		return s == null ? null : ComplaintStatus.valueOf(s);
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean b = rs.getBoolean(column);
		return rs.wasNull() ? null : b;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}
}
