package com.kcm.notification;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.kcm.shared.jobs.Instances;

/**
 * Takes over the work of a crashed instance promptly (SPEC §11): every ten seconds by default, instances that
 * stopped beating are removed ({@link Instances#removeDead()}); when there were any, or when claims of
 * instances no longer running are left, the incomplete event publications older than the takeover delay are
 * delivered again. Their messages already sent are skipped by the sent-once log, the orphaned claims are taken
 * over, and the publications the dead instance had not started are delivered — seconds after the crash, not
 * after the ten-minute retry.
 */
@Component
class ClaimTakeover {

	private static final Logger log = LoggerFactory.getLogger(ClaimTakeover.class);

	private final Instances instances;
	private final SentNotifications sent;
	private final IncompleteEventPublications incomplete;
	private final Duration deadAfter;

	ClaimTakeover(Instances instances, SentNotifications sent, IncompleteEventPublications incomplete,
			@Value("${kcm.instance.dead-after:15s}") Duration deadAfter) {
		this.instances = instances;
		this.sent = sent;
		this.incomplete = incomplete;
		this.deadAfter = deadAfter;
	}

	@Scheduled(cron = "${kcm.jobs.claim-takeover.cron:*/10 * * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		try {
			takeOver();
		} catch (RuntimeException e) {
			log.warn("takeover check failed (database unreachable?): {}", e.toString());
		}
	}

	/** Returns whether publications were delivered again. */
	boolean takeOver() {
		List<String> dead = instances.removeDead();
		long orphaned = sent.orphanedClaims();
		if (dead.isEmpty() && orphaned == 0) {
			return false;
		}
		log.warn("taking over from stopped instances {}: {} claimed notifications", dead, orphaned);
		incomplete.resubmitIncompletePublicationsOlderThan(deadAfter);
		return true;
	}
}
