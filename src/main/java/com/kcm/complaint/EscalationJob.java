package com.kcm.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.audit.Audit;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * Long-open escalation (立项, SPEC §4.2 step 8): every few minutes, complaints in no closed state
 * {@code ESCALATION_MONTHS} (the value in force at their first dispatch) after first dispatch are flagged
 * escalated, once. Each complaint is escalated in its own transaction together with its timeline entry, audit
 * entry and the {@link ComplaintEscalated} publication. Only candidates are read (dispatched long enough ago,
 * not yet escalated, open), in pages by id. Runs on one instance at a time ({@link ClusterJobs}).
 */
@Component
class EscalationJob {

	static final String NAME = "complaint-escalation";
	private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);
	private static final int PAGE = 200;

	private final ComplaintRepository complaints;
	private final Policies policies;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;
	private final TransactionTemplate tx;

	EscalationJob(ComplaintRepository complaints, Policies policies, Audit audit, ApplicationEventPublisher events,
			ClusterJobs jobs, Clock clock, PlatformTransactionManager transactions) {
		this.complaints = complaints;
		this.policies = policies;
		this.audit = audit;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${kcm.jobs.escalation.cron:0 */10 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(30), this::escalateDue);
	}

	/** Escalates every complaint whose escalation instant has passed; returns how many were escalated now. */
	public int escalateDue() {
		Instant now = clock.instant();
		// A superset of the candidates: the shortest period any complaint may have (the smallest value ever in
		// force), plus a few days for month-end clamping; the aggregate decides exactly.
		Instant bound = now.atZone(Complaint.ZONE).toLocalDateTime().minusMonths(shortestMonths()).plusDays(3)
				.atZone(Complaint.ZONE).toInstant();
		int escalated = 0;
		long after = 0;
		while (true) {
			long from = after;
			List<Long> ids = tx.execute(s -> candidates(bound, from));
			if (ids == null || ids.isEmpty()) {
				break;
			}
			for (Long id : ids) {
				try {
					if (Boolean.TRUE.equals(tx.execute(s -> escalate(id, now)))) {
						escalated++;
					}
				} catch (RuntimeException e) {
					log.warn("escalation of complaint {} failed; retried on the next run", id, e);
				}
			}
			after = ids.get(ids.size() - 1);
		}
		if (escalated > 0) {
			log.info("{} complaint(s) escalated", escalated);
		}
		return escalated;
	}

	private List<Long> candidates(Instant bound, long after) {
		Specification<Complaint> spec = (r, q, cb) -> cb.and(cb.lessThanOrEqualTo(r.get("firstDispatchedAt"), bound),
				cb.isNull(r.get("escalatedAt")), Literals.among(cb, r.get("status"), ComplaintStatus.OPEN_AT_DEALER),
				cb.greaterThan(r.get("id"), after));
		return complaints.findAll(spec, PageRequest.of(0, PAGE, Sort.by("id"))).map(Complaint::getId).getContent();
	}

	private boolean escalate(long id, Instant now) {
		Complaint c = complaints.findById(id).orElse(null);
		if (c == null || c.getFirstDispatchedAt() == null) {
			return false;
		}
		ComplaintSnapshots.Snapshot before = ComplaintSnapshots.of(c);
		if (!c.escalate(now, Escalation.months(c, policies))) {
			return false;
		}
		complaints.flush();
		audit.changed(Audit.UPDATE, "complaint", c.getId(), before, ComplaintSnapshots.of(c));
		c.pullDomainEvents().forEach(events::publishEvent);
		return true;
	}

	private int shortestMonths() {
		int min = Integer.parseInt(PolicyName.ESCALATION_MONTHS.defaultValue());
		for (var e : policies.history(PolicyName.ESCALATION_MONTHS)) {
			try {
				min = Math.min(min, Integer.parseInt(e.value().trim()));
			} catch (NumberFormatException ignored) {
				// stored values are checked on entry; ignore anything else
			}
		}
		return Math.max(min, 0);
	}
}
