package com.kcm.voice;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.calendar.BusinessCalendar;
import com.kcm.customer.CareRecipients;
import com.kcm.customer.CareRecipients.Recipient;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.quality.RepairHistory;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * The daily care job (SPEC §7.5), 09:00 Beijing time on one instance (docs/adr/0001): chooses today's birthday,
 * holiday (first day of a holiday block in the business calendar), purchase-anniversary and maintenance
 * (months since the vehicle's last repair order, policy {@code CARE_MAINTENANCE_MONTHS}) messages for
 * customers with a mobile and {@code CARE} consent in force now, each occasion of an active template. Each
 * choice is a {@code care_send} row — unique per customer, occasion and year, so a second run, a restart or a
 * second instance never chooses it again — committed together with its {@link CareMessageDue} event; the outbox
 * listener ({@link CareSender}) sends it after checking the consent again.
 */
@Component
class CareJob {

	static final String NAME = "voice-care";
	private static final Logger log = LoggerFactory.getLogger(CareJob.class);
	private static final int PAGE = 500;

	private final CareTemplates templates;
	private final CareRecipients recipients;
	private final Consents consents;
	private final BusinessCalendar calendar;
	private final RepairHistory repairs;
	private final Policies policies;
	private final ClusterJobs jobs;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;

	CareJob(CareTemplates templates, CareRecipients recipients, Consents consents, BusinessCalendar calendar,
			RepairHistory repairs, Policies policies, ClusterJobs jobs, ApplicationEventPublisher events, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.templates = templates;
		this.recipients = recipients;
		this.consents = consents;
		this.calendar = calendar;
		this.repairs = repairs;
		this.policies = policies;
		this.jobs = jobs;
		this.events = events;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${kcm.jobs.care.cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofHours(2), this::run);
	}

	/** Chooses today's care messages; answers how many were chosen now (not chosen before). */
	int run() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, TimeConfig.BUSINESS_ZONE);
		Map<CareOccasion, CareTemplates.Template> active = new EnumMap<>(CareOccasion.class);
		templates.all().stream().filter(CareTemplates.Template::active).forEach(t -> active.put(t.occasion(), t));
		int chosen = 0;
		if (active.containsKey(CareOccasion.BIRTHDAY)) {
			chosen += choose(active.get(CareOccasion.BIRTHDAY), r -> "BIRTHDAY", recipients.birthdaysOn(today), today, now);
		}
		if (active.containsKey(CareOccasion.HOLIDAY) && calendar.startsHolidayBlock(today)) {
			long after = 0;
			for (List<Recipient> page = recipients.withMobile(after, PAGE); !page.isEmpty();
					page = recipients.withMobile(after, PAGE)) {
				chosen += choose(active.get(CareOccasion.HOLIDAY), r -> "HOLIDAY@" + today, page, today, now);
				after = page.get(page.size() - 1).customerId();
			}
		}
		if (active.containsKey(CareOccasion.PURCHASE_ANNIVERSARY)) {
			chosen += choose(active.get(CareOccasion.PURCHASE_ANNIVERSARY), r -> "PURCHASE_ANNIVERSARY#" + r.vehicleId(),
					recipients.purchaseAnniversariesOn(today), today, now);
		}
		if (active.containsKey(CareOccasion.MAINTENANCE)) {
			int months = policies.intOn(PolicyName.CARE_MAINTENANCE_MONTHS, today);
			List<Long> vehicles = repairs.vehiclesLastRepairedOn(today.minusMonths(months));
			for (int from = 0; from < vehicles.size(); from += PAGE) {
				chosen += choose(active.get(CareOccasion.MAINTENANCE), r -> "MAINTENANCE#" + r.vehicleId(),
						recipients.ownersOf(vehicles.subList(from, Math.min(from + PAGE, vehicles.size()))), today, now);
			}
		}
		log.info("care job {}: {} message(s) chosen", today, chosen);
		return chosen;
	}

	private int choose(CareTemplates.Template template, Function<Recipient, String> key, List<Recipient> candidates,
			LocalDate today, Instant now) {
		if (candidates.isEmpty()) {
			return 0;
		}
		Set<Long> consenting = consents.inForce(candidates.stream().map(Recipient::customerId).toList(),
				ConsentPurpose.CARE, now);
		int chosen = 0;
		for (Recipient r : candidates) {
			if (consenting.contains(r.customerId()) && chooseOne(template, key.apply(r), r, today, now)) {
				chosen++;
			}
		}
		return chosen;
	}

	/** One row and its event in one transaction; false when this customer, occasion and year had one already. */
	private boolean chooseOne(CareTemplates.Template template, String key, Recipient r, LocalDate today, Instant now) {
		try {
			return Boolean.TRUE.equals(tx.execute(s -> {
				boolean exists = jdbc.sql("select count(*) from care_send where customer_id = ? and occasion_key = ? "
						+ "and occasion_year = ?").params(r.customerId(), key, today.getYear()).query(Long.class).single() > 0;
				if (exists) {
					return false;
				}
				GeneratedKeyHolder id = new GeneratedKeyHolder();
				jdbc.sql("insert into care_send (customer_id, occasion, occasion_key, occasion_year, vehicle_id, due_on, "
						+ "customer_name, plate, dealer_name, body, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
						+ "'PENDING', ?)")
						.params(r.customerId(), template.occasion().name(), key, today.getYear(), r.vehicleId(),
								Date.valueOf(today), r.name(), r.plate(), r.dealerName(),
								cut(CareTemplates.render(template.body(), r.name(), r.plate(), r.dealerName()), 500),
								Timestamp.from(now))
						.update(id, "id");
				events.publishEvent(new CareMessageDue(id.getKey().longValue()));
				return true;
			}));
		} catch (DuplicateKeyException raced) {
			return false;
		}
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
