package com.kcm.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.complaint.ComplaintNotices;
import com.kcm.complaint.ComplaintNotices.ComplaintNotice;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.dealer.RegionSummary;
import com.kcm.identity.Role;
import com.kcm.identity.UserContacts;
import com.kcm.identity.UserContacts.Contact;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * The periodic list of open online complaints per region for the region's {@code REGIONAL} users (SPEC
 * §4.4). Periods of {@code ONLINE_LIST_PERIOD_DAYS} (default 7) days are counted from Monday 2024-01-01, so
 * weekly lists go out on Mondays. A daily run (08:00 business time by default) issues each region's list
 * of the current period once ({@code notification_online_list}) as an {@link OnlineListDue} event in the
 * same transaction; the listener sends it through the outbox like every other notification.
 */
@Component
class OnlineComplaintLists {

	static final String NAME = "online-complaint-lists";
	static final LocalDate ANCHOR = LocalDate.of(2024, 1, 1);
	private static final int MAX_ITEMS = 2000;

	private final DealerCatalog dealers;
	private final ComplaintNotices complaints;
	private final UserContacts users;
	private final Policies policies;
	private final NotificationTexts texts;
	private final SentNotifications sent;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;
	private final TransactionTemplate tx;

	OnlineComplaintLists(DealerCatalog dealers, ComplaintNotices complaints, UserContacts users, Policies policies,
			NotificationTexts texts, SentNotifications sent, JdbcClient jdbc, ApplicationEventPublisher events,
			ClusterJobs jobs, Clock clock, PlatformTransactionManager transactions) {
		this.dealers = dealers;
		this.complaints = complaints;
		this.users = users;
		this.policies = policies;
		this.texts = texts;
		this.sent = sent;
		this.jdbc = jdbc;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${kcm.jobs.online-list.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofMinutes(30), this::issueDue);
	}

	/** The first day of the period holding {@code day}. */
	static LocalDate periodStart(LocalDate day, int periodDays) {
		long days = ChronoUnit.DAYS.between(ANCHOR, day);
		return ANCHOR.plusDays(Math.floorDiv(days, periodDays) * periodDays);
	}

	/** Issues the lists of the current period not issued yet; returns how many regions got one now. */
	int issueDue() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, TimeConfig.BUSINESS_ZONE);
		int periodDays = policies.intOn(PolicyName.ONLINE_LIST_PERIOD_DAYS, today);
		LocalDate start = periodStart(today, periodDays);
		int issued = 0;
		for (RegionSummary region : dealers.regions()) {
			Boolean done = tx.execute(s -> {
				long already = jdbc.sql("select count(*) from notification_online_list where region_id = :region "
						+ "and period_start = :start").param("region", region.id())
						.param("start", java.sql.Date.valueOf(start)).query(Long.class).single();
				if (already > 0) {
					return false;
				}
				int inserted = jdbc.sql("insert into notification_online_list (region_id, period_start, issued_at) "
						+ "values (:region, :start, :now)").param("region", region.id())
						.param("start", java.sql.Date.valueOf(start)).param("now", Timestamp.from(now)).update();
				if (inserted == 1) {
					events.publishEvent(new OnlineListDue(region.id(), start, periodDays));
				}
				return inserted == 1;
			});
			if (Boolean.TRUE.equals(done)) {
				issued++;
			}
		}
		return issued;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OnlineListDue event) {
		RegionSummary region = dealers.region(event.regionId()).orElse(null);
		if (region == null) {
			return;
		}
		List<Contact> recipients = users.ofRegion(region.id(), Role.REGIONAL).stream()
				.filter(u -> u.email() != null && !u.email().isBlank()).toList();
		if (recipients.isEmpty()) {
			return;
		}
		Map<Long, DealerSummary> regionDealers = dealers.dealersOfRegion(region.id()).stream()
				.collect(Collectors.toMap(DealerSummary::id, d -> d));
		Set<Long> ids = regionDealers.keySet();
		List<ComplaintNotice> open = complaints.openOnline(MAX_ITEMS).stream()
				.filter(c -> c.handlingDealerId() != null && ids.contains(c.handlingDealerId())).toList();
		if (open.isEmpty()) {
			return; // nothing open: no list
		}
		StringBuilder lines = new StringBuilder();
		for (ComplaintNotice c : open) {
			lines.append(texts.text("notification.onlineList.line", String.valueOf(c.id()), c.customerName(),
					regionDealers.get(c.handlingDealerId()).label(), NotificationTexts.time(c.registeredAt()),
					texts.label("status", c.status()), texts.complaintLink(c.id()))).append('\n');
		}
		Object[] args = { region.name(), event.periodStart().toString(), String.valueOf(open.size()),
				lines.toString(), String.valueOf(event.periodDays()) };
		String subject = texts.text("notification.onlineList.subject", args);
		String body = texts.text("notification.onlineList.body", args);
		List<OutgoingMessage> out = new ArrayList<>();
		for (Contact u : recipients) {
			out.add(OutgoingMessage.of("ONLINE_LIST|region:" + region.id() + "|" + event.periodStart(), "ONLINE_LIST",
					DeliveryChannel.EMAIL, u.email(), subject, body, null, null));
		}
		sent.deliverAll(out);
	}
}
