package com.kcm.quality;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.kcm.shared.jobs.ClusterJobs;

/**
 * Time alone moves 三包 flags: an open repair order gains repair days, an approaching flag may reach. Every run
 * (default hourly at minute 20, Asia/Shanghai; {@code KCM_JOB_SANBAO_CRON}, {@code -} switches it off)
 * recomputes, as of now, the vehicles with an open order or an approaching flag, in batches of 500, and
 * stores their flags (a flag turning reached is announced once). Runs on one instance at a time.
 */
@Component
class SanbaoRecomputeJob {

	static final String NAME = "quality-sanbao-recompute";
	private static final Logger log = LoggerFactory.getLogger(SanbaoRecomputeJob.class);

	private final RepairOrderStore store;
	private final SanbaoFlags flags;
	private final ClusterJobs jobs;

	SanbaoRecomputeJob(RepairOrderStore store, SanbaoFlags flags, ClusterJobs jobs) {
		this.store = store;
		this.flags = flags;
		this.jobs = jobs;
	}

	@Scheduled(cron = "${kcm.jobs.sanbao.cron:0 20 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(50), this::recomputeAll);
	}

	/** Returns how many flags turned reached. */
	int recomputeAll() {
		int reached = 0;
		long after = 0;
		while (true) {
			List<RepairOrderStore.VehicleKey> batch = store.vehiclesToRecompute(after, 500);
			if (batch.isEmpty()) {
				break;
			}
			reached += flags.recompute(batch.stream().map(RepairOrderStore.VehicleKey::vin).toList());
			after = batch.get(batch.size() - 1).id();
		}
		if (reached > 0) {
			log.info("三包 recompute: {} flag(s) turned reached", reached);
		}
		return reached;
	}
}
