package com.kcm.notification;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.kcm.shared.jobs.ClusterJobs;

/**
 * Retries event publications whose listener failed (an SMTP server down, say) while the application keeps
 * running: every ten minutes by default, those older than ten minutes are resubmitted; the sent-once log
 * makes sure only the messages not yet sent go out. At start-up every incomplete publication is
 * resubmitted anyway ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class NotificationRetries {

	static final String NAME = "notification-retries";

	private final IncompleteEventPublications incomplete;
	private final ClusterJobs jobs;

	NotificationRetries(IncompleteEventPublications incomplete, ClusterJobs jobs) {
		this.incomplete = incomplete;
		this.jobs = jobs;
	}

	@Scheduled(cron = "${kcm.jobs.notification-retry.cron:0 */10 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(10),
				() -> incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(10)));
	}
}
