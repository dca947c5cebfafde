package com.kcm.major;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.jobs.ClusterJobs;

/**
 * Reminders of the written report (SPEC §6, §10): for each open major complaint whose report is not submitted,
 * publishes {@link MajorReportDueSoon} once when the deadline is within the warning window
 * ({@code kcm.jobs.major-report-sweep.warn-before}, default 4 h) and {@link MajorReportOverdue} once after it;
 * the mark is written in the same transaction as the publication. Runs on one instance at a time.
 */
@Component
class MajorReportSweep {

	static final String NAME = "major-report-sweep";
	static final String DUE_SOON = "DUE_SOON";
	static final String OVERDUE = "OVERDUE";
	private static final Logger log = LoggerFactory.getLogger(MajorReportSweep.class);
	private static final int BATCH = 200;

	private final MajorComplaintRepository majors;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final Duration warnBefore;

	MajorReportSweep(MajorComplaintRepository majors, ApplicationEventPublisher events, ClusterJobs jobs, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${kcm.jobs.major-report-sweep.warn-before:4h}") Duration warnBefore) {
		this.majors = majors;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.warnBefore = warnBefore;
	}

	@Scheduled(cron = "${kcm.jobs.major-report-sweep.cron:0 */5 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(15), this::sweep);
	}

	/** Publishes the reminders due at the clock's instant; answers how many. */
	public int sweep() {
		Instant now = clock.instant();
		int published = 0;
		for (int round = 0; round < 100; round++) {
			Integer n = tx.execute(s -> {
				List<MajorComplaint> batch = majors.notYetOverdueAlerted(MajorStatus.OPEN, now, PageRequest.of(0, BATCH));
				batch.forEach(m -> alert(m, OVERDUE));
				return batch.size();
			});
			published += n;
			if (n < BATCH) {
				break;
			}
		}
		for (int round = 0; round < 100; round++) {
			Integer n = tx.execute(s -> {
				List<MajorComplaint> batch = majors.notYetAlerted(MajorStatus.OPEN, now, now.plus(warnBefore),
						PageRequest.of(0, BATCH));
				batch.forEach(m -> alert(m, DUE_SOON));
				return batch.size();
			});
			published += n;
			if (n < BATCH) {
				break;
			}
		}
		if (published > 0) {
			log.info("{} major-complaint report reminder(s) published", published);
		}
		return published;
	}

	private void alert(MajorComplaint m, String alert) {
		m.markReportAlert(alert);
		majors.save(m);
		if (OVERDUE.equals(alert)) {
			events.publishEvent(new MajorReportOverdue(m.getId(), m.getComplaintId(), m.getDealerId(),
					m.getCustomerName(), m.getReportDueAt()));
		} else {
			events.publishEvent(new MajorReportDueSoon(m.getId(), m.getComplaintId(), m.getDealerId(),
					m.getCustomerName(), m.getReportDueAt()));
		}
	}
}
