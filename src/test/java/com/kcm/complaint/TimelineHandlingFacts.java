package com.kcm.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The oracle of the handling summary's tests: the assessment's facts read straight from the timeline, with the
 * correlated lookups {@link HandlingFacts} ran before ADR 0003 (its query as it was, unchanged).
 */
final class TimelineHandlingFacts {

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

	TimelineHandlingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<HandlingFact> dispatchedBetween(Instant from, Instant to, Instant cutoff, Instant previousCutoff, long dealerId) {
		return jdbc.sql(FACTS + " and w.dealer_id = :dealer order by w.dealer_id, c.id").param("from", utc(from))
				.param("to", utc(to)).param("c", utc(cutoff)).param("pc", utc(previousCutoff)).param("dealer", dealerId)
				.query(HandlingFacts::row).list();
	}

	List<HandlingFact> onlineCarriedOver(Instant monthStart, Instant cutoff, Instant previousCutoff, long dealerId) {
		String sql = FACTS.replace("w.dispatched_at >= :from and ", "")
				+ " and c.channel = 'ONLINE' and (c.closed_at is null or c.closed_at >= :pc)"
				+ " and w.dealer_id = :dealer order by w.dealer_id, c.id";
		return jdbc.sql(sql).param("to", utc(monthStart)).param("c", utc(cutoff)).param("pc", utc(previousCutoff))
				.param("dealer", dealerId).query(HandlingFacts::row).list();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}
}
