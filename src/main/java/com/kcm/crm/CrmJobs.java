package com.kcm.crm;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


import com.kcm.shared.TimeConfig;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * The module's scheduled work, each run on one instance at a time (docs/adr/0001): nightly the class of every
 * customer and the plan of every key account with the policies in force that day, and the expiry of ended
 * contracts; weekly (Monday morning) the overdue-visit list of each account manager, published once per
 * manager and week — the row in {@code crm_weekly_reminder} and the event commit together, so a restart or a
 * second instance never lists a manager twice.
 */
@Component
class CrmJobs {

	static final String NIGHTLY = "crm-nightly";
	static final String WEEKLY = "crm-weekly-overdue-visits";
	private static final Logger log = LoggerFactory.getLogger(CrmJobs.class);

	private final CustomerClasses classes;
	private final Contracts contracts;
	private final KeyAccountRepository accounts;
	private final ClusterJobs jobs;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;

	CrmJobs(CustomerClasses classes, Contracts contracts, KeyAccountRepository accounts, ClusterJobs jobs,
			ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.classes = classes;
		this.contracts = contracts;
		this.accounts = accounts;
		this.jobs = jobs;
		this.events = events;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${kcm.jobs.crm-nightly.cron:0 20 1 * * *}", zone = "Asia/Shanghai")
	void scheduledNightly() {
		jobs.runExclusively(NIGHTLY, Duration.ofHours(2), this::nightly);
	}

	@Scheduled(cron = "${kcm.jobs.crm-weekly.cron:0 0 8 * * MON}", zone = "Asia/Shanghai")
	void scheduledWeekly() {
		jobs.runExclusively(WEEKLY, Duration.ofMinutes(30), this::weekly);
	}

	/** Classes, key-account plans and contract expiry as of today. */
	void nightly() {
		int reclassified = classes.recomputeAll();
		long after = 0;
		int replanned = 0;
		while (true) {
			List<Long> ids = accounts.activeIdsAfter(after, PageRequest.of(0, 500));
			if (ids.isEmpty()) {
				break;
			}
			tx.executeWithoutResult(s -> ids.forEach(classes::recompute));
			replanned += ids.size();
			after = ids.get(ids.size() - 1);
		}
		int expired = contracts.expireEnded();
		log.info("crm nightly: {} class change(s), {} key account plan(s), {} contract(s) expired", reclassified,
				replanned, expired);
	}

	/** Publishes this week's overdue-visit list for every manager not listed yet this week; answers how many. */
	int weekly() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Map<Long, List<OverdueVisitsListed.Account>> byManager = new LinkedHashMap<>();
		for (KeyAccount k : accounts.overdue(today)) {
			byManager.computeIfAbsent(k.getManagerUserId(), m -> new java.util.ArrayList<>())
					.add(new OverdueVisitsListed.Account(k.getCustomerId(), k.getCustomerName(), k.getLastVisitOn(),
							k.getNextVisitDue()));
		}
		int published = 0;
		for (var e : byManager.entrySet()) {
			Boolean done;
			try {
				done = tx.execute(s -> {
				int inserted = jdbc.sql("insert into crm_weekly_reminder (manager_user_id, week_start, accounts, created_at) "
						+ "select :m, :w, :n, :now where not exists (select 1 from crm_weekly_reminder "
						+ "where manager_user_id = :m and week_start = :w)").param("m", e.getKey())
						.param("w", Date.valueOf(week)).param("n", e.getValue().size())
						.param("now", Timestamp.from(clock.instant())).update();
				if (inserted == 1) {
					events.publishEvent(new OverdueVisitsListed(e.getKey(), week, List.copyOf(e.getValue())));
				}
				return inserted == 1;
			});
			} catch (org.springframework.dao.DuplicateKeyException raced) {
				done = false;
			}
			if (Boolean.TRUE.equals(done)) {
				published++;
			}
		}
		if (published > 0) {
			log.info("crm weekly: overdue-visit lists published for {} account manager(s)", published);
		}
		return published;
	}
}
