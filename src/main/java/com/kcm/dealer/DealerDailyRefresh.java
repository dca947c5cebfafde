package com.kcm.dealer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A status or star entry may start after the day it was recorded; just after midnight (business zone) and
 * at start-up the dealers' current columns are brought to the values in force. Idempotent, so two
 * instances running it at once do no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DealerDailyRefresh implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DealerDailyRefresh.class);

	private final DealerNetwork network;

	DealerDailyRefresh(DealerNetwork network) {
		this.network = network;
	}

	@Scheduled(cron = "0 1 0 * * *", zone = "Asia/Shanghai")
	void refresh() {
		int changed = network.refreshToday();
		if (changed > 0) {
			log.info("Dealer status or star level changed today for {} dealers", changed);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		refresh();
	}
}
