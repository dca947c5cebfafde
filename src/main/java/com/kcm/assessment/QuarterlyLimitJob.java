package com.kcm.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * Computes the complaint limits of the current quarter (SPEC §5.2) at its start: every run (default daily at
 * 00:05, Asia/Shanghai; {@code KCM_JOB_QUARTERLY_LIMITS_CRON}, {@code -} switches it off) stores the limit
 * of every dealer that has none yet for the quarter of today, so the first run of a quarter computes them
 * all and a dealer created later gets its limit the next day. Runs on one instance at a time ({@link ClusterJobs}).
 */
@Component
class QuarterlyLimitJob {

	static final String NAME = "assessment-quarterly-limits";
	private static final Logger log = LoggerFactory.getLogger(QuarterlyLimitJob.class);

	private final ComplaintLimits limits;
	private final ClusterJobs jobs;
	private final Clock clock;

	QuarterlyLimitJob(ComplaintLimits limits, ClusterJobs jobs, Clock clock) {
		this.limits = limits;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Scheduled(cron = "${kcm.jobs.quarterly-limits.cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(30), this::computeCurrentQuarter);
	}

	/** Stores the current quarter's limit of every dealer without one; returns how many were computed. */
	public int computeCurrentQuarter() {
		YearMonth quarterStart = Months.quarterStart(YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE)));
		int n = limits.computeMissing(quarterStart);
		if (n > 0) {
			log.info("complaint limits of {} computed for {} dealer(s)", Months.quarter(quarterStart), n);
		}
		return n;
	}
}
