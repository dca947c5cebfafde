package com.kcm.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.jobs.ClusterJobs;

/**
 * The due-soon / overdue sweep: for each current work order of a complaint still with the dealer
 * ({@code DISPATCHED} or {@code IN_PROGRESS}), publishes {@link WorkOrderDueSoon} when its next deadline is
 * within the warning window ({@code kcm.jobs.deadline-sweep.warn-before}, default 2 h) and
 * {@link WorkOrderOverdue} once it has passed, each once per work order and deadline: a row in
 * {@code work_order_alert} is written in the same transaction as the publication. A work order first seen
 * already overdue gets only the overdue notice.
 */
@Component
class WorkOrderDeadlineSweep {

	static final String NAME = "work-order-deadline-sweep";
	static final String DUE_SOON = "DUE_SOON";
	static final String OVERDUE = "OVERDUE";
	private static final Logger log = LoggerFactory.getLogger(WorkOrderDeadlineSweep.class);
	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final Duration warnBefore;

	WorkOrderDeadlineSweep(JdbcClient jdbc, ApplicationEventPublisher events, ClusterJobs jobs, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${kcm.jobs.deadline-sweep.warn-before:2h}") Duration warnBefore) {
		this.jdbc = jdbc;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.warnBefore = warnBefore;
	}

	@Scheduled(cron = "${kcm.jobs.deadline-sweep.cron:0 */5 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(15), this::sweep);
	}

	private record Candidate(long workOrderId, long complaintId, long dealerId, Instant nextDueAt, Instant confirmedAt,
			Instant firstReplyAt) {

		WorkOrderDeadline deadline() {
			if (confirmedAt == null) {
				return WorkOrderDeadline.CONFIRMATION;
			}
			return firstReplyAt == null ? WorkOrderDeadline.FIRST_REPLY : WorkOrderDeadline.CLOSURE;
		}
	}

	/** Publishes the alerts due at the clock's instant; returns how many were published. */
	public int sweep() {
		Instant now = clock.instant();
		int published = 0;
		published += pass(OVERDUE, null, now, now);
		published += pass(DUE_SOON, now, now.plus(warnBefore), now);
		if (published > 0) {
			log.info("{} work-order deadline alert(s) published", published);
		}
		return published;
	}

	/** Work orders whose next deadline is from {@code from} (inclusive; null: any) up to {@code to} (exclusive). */
	private int pass(String alert, Instant from, Instant to, Instant now) {
		int published = 0;
		for (int round = 0; round < 100; round++) {
			List<Candidate> batch = candidates(alert, from, to);
			int before = published;
			for (Candidate c : batch) {
				try {
					if (Boolean.TRUE.equals(tx.execute(s -> publish(alert, c, now)))) {
						published++;
					}
				} catch (RuntimeException e) {
					log.warn("{} alert of work order {} failed; retried on the next run", alert, c.workOrderId(), e);
				}
			}
			if (batch.size() < BATCH || published == before) {
				break;
			}
		}
		return published;
	}

	private List<Candidate> candidates(String alert, Instant from, Instant to) {
		String sql = "select w.id, w.complaint_id, w.dealer_id, w.next_due_at, w.confirmed_at, w.first_reply_at "
				+ "from work_order w join complaint c on c.id = w.complaint_id "
				+ "where w.status in ('DISPATCHED', 'CONFIRMED') and c.status in ('DISPATCHED', 'IN_PROGRESS') "
				+ "and w.next_due_at is not null and w.next_due_at < :to "
				+ (from == null ? "" : "and w.next_due_at >= :from ")
				+ "and not exists (select 1 from work_order_alert a where a.work_order_id = w.id and a.alert = :alert "
				+ "and a.deadline = case when w.confirmed_at is null then 'CONFIRMATION' "
				+ "when w.first_reply_at is null then 'FIRST_REPLY' else 'CLOSURE' end) "
				+ "order by w.next_due_at, w.id limit " + BATCH;
		var spec = jdbc.sql(sql).param("to", Timestamp.from(to)).param("alert", alert);
		if (from != null) {
			spec = spec.param("from", Timestamp.from(from));
		}
		return spec.query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3),
				instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
				.list();
	}

	private boolean publish(String alert, Candidate c, Instant now) {
		WorkOrderDeadline deadline = c.deadline();
		// Checked first, then a plain insert (the sweep runs on one instance at a time; a racing duplicate
		// would fail the insert and roll the publication back with it).
		long already = jdbc.sql("select count(*) from work_order_alert where work_order_id = :wo "
				+ "and deadline = :deadline and alert = :alert").param("wo", c.workOrderId())
				.param("deadline", deadline.name()).param("alert", alert).query(Long.class).single();
		if (already > 0) {
			return false;
		}
		int inserted = jdbc.sql("insert into work_order_alert (work_order_id, deadline, alert, due_at, published_at) "
				+ "values (:wo, :deadline, :alert, :due, :now)").param("wo", c.workOrderId())
				.param("deadline", deadline.name()).param("alert", alert).param("due", Timestamp.from(c.nextDueAt()))
				.param("now", Timestamp.from(now)).update();
		if (inserted != 1) {
			return false;
		}
		if (OVERDUE.equals(alert)) {
			events.publishEvent(new WorkOrderOverdue(c.complaintId(), c.workOrderId(), c.dealerId(), deadline,
					c.nextDueAt(), now));
		} else {
			events.publishEvent(new WorkOrderDueSoon(c.complaintId(), c.workOrderId(), c.dealerId(), deadline,
					c.nextDueAt(), now));
		}
		return true;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
