package com.kcm.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.audit.Audit;
import com.kcm.customer.CustomerAnonymisation;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * Retention (SPEC §8): every night, the personal data of complaints that ended (closed, force-closed, closed
 * unreachable, cancelled) more than {@code PERSONAL_DATA_RETENTION_MONTHS} (policy in force now) ago is
 * anonymised. A customer is anonymised with all its complaints only when none of them is still open or ended
 * within the period, and never while it is a key account; a complaint without a customer record is anonymised
 * on its own. Replaced: the customer's name and numbers ({@link CustomerAnonymisation}), the complaint's
 * customer and complainant names, the online handle and post address; in the description, the online post, the
 * dealers' replies and the callback notes, the names and anything shaped like a phone, ID or plate number.
 * Kept: statuses, categories, dealers, instants and the timeline — every figure of the assessment.
 * <p>
 * Cluster-safe (job lease, ADR 0001) and idempotent (rows carry {@code anonymised_at}); each batch is one
 * transaction; each run that anonymised something writes one audit entry with the counts.
 */
@Component
class PersonalDataRetention {

	static final String NAME = "personal-data-retention";
	static final String ANONYMISED = "已匿名";
	private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
	private static final int BATCH = 200;
	private static final String FINISHED = "('CLOSED','FORCE_CLOSED','CLOSED_UNREACHABLE','CANCELLED')";
	private static final Pattern NUMBERS = Pattern.compile(
			"\\d{17}[\\dXx]|(?<!\\d)1[3-9]\\d{9}(?!\\d)|(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)"
					+ "|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6}");

	private final JdbcClient jdbc;
	private final CustomerAnonymisation customers;
	private final Policies policies;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;
	private final TransactionTemplate tx;

	PersonalDataRetention(JdbcClient jdbc, CustomerAnonymisation customers, Policies policies, Audit audit,
			ApplicationEventPublisher events, ClusterJobs jobs, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.policies = policies;
		this.audit = audit;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What one run (or one call) anonymised. */
	record Counts(int customers, int complaints) {
		Counts plus(Counts o) {
			return new Counts(customers + o.customers, complaints + o.complaints);
		}
	}

	@Scheduled(cron = "${kcm.jobs.retention.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively(NAME, Duration.ofHours(2), this::run);
	}

	/** Anonymises everything due now; returns the counts. */
	Counts run() {
		Instant now = clock.instant();
		Instant cutoff = cutoff(now);
		Counts total = new Counts(0, 0);
		while (true) {
			Counts c = tx.execute(s -> anonymiseCustomers(eligibleCustomers(cutoff, null), now));
			total = total.plus(c);
			if (c.customers() == 0) {
				break;
			}
		}
		while (true) {
			Counts c = tx.execute(s -> anonymiseComplaints(loose(cutoff, null), now));
			total = total.plus(c);
			if (c.complaints() == 0) {
				break;
			}
		}
		record(total, cutoff);
		return total;
	}

	/**
	 * The same rules applied to the given customers and customer-less complaints only (the others stay as they
	 * are): what a run would do to them. For tests on a shared database and for an administrator's single case.
	 */
	Counts runFor(Collection<Long> customerIds, Collection<Long> complaintIds) {
		Instant now = clock.instant();
		Instant cutoff = cutoff(now);
		Counts total = tx.execute(s -> anonymiseCustomers(customerIds.isEmpty() ? List.of()
				: eligibleCustomers(cutoff, customerIds), now)
				.plus(anonymiseComplaints(complaintIds.isEmpty() ? List.of() : loose(cutoff, complaintIds), now)));
		record(total, cutoff);
		return total;
	}

	/** Complaints that ended before this instant are past the retention period. */
	Instant cutoff(Instant now) {
		int months = policies.intAt(PolicyName.PERSONAL_DATA_RETENTION_MONTHS, now);
		return now.atZone(TimeConfig.BUSINESS_ZONE).minusMonths(months).toInstant();
	}

	private void record(Counts total, Instant cutoff) {
		if (total.customers() > 0 || total.complaints() > 0) {
			audit.event(Audit.ANONYMISE, "retention", null, "customers=" + total.customers() + "; complaints="
					+ total.complaints() + "; ended before " + cutoff);
			log.info("retention: {} customer(s), {} complaint(s) anonymised", total.customers(), total.complaints());
		}
	}

	/** Customers whose every complaint ended before the cut-off, not anonymised, not key accounts. */
	private List<Long> eligibleCustomers(Instant cutoff, Collection<Long> among) {
		String sql = "select distinct c.customer_id from complaint c join customer cu on cu.id = c.customer_id "
				+ "where c.closed_at < :cutoff and c.anonymised_at is null and cu.anonymised_at is null "
				+ "and cu.key_account = false " + (among == null ? "" : "and c.customer_id in (:among) ")
				+ "and not exists (select 1 from complaint o where o.customer_id = c.customer_id and (o.status not in "
				+ FINISHED + " or coalesce(o.closed_at, o.last_event_at) >= :cutoff)) fetch first " + BATCH + " rows only";
		var spec = jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff));
		if (among != null) {
			spec = spec.param("among", among);
		}
		return spec.query(Long.class).list();
	}

	/** Complaints without a customer record that ended before the cut-off and are not anonymised. */
	private List<Long> loose(Instant cutoff, Collection<Long> among) {
		String sql = "select id from complaint where customer_id is null and anonymised_at is null and status in " + FINISHED
				+ " and coalesce(closed_at, last_event_at) < :cutoff " + (among == null ? "" : "and id in (:among) ")
				+ "fetch first " + BATCH + " rows only";
		var spec = jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff));
		if (among != null) {
			spec = spec.param("among", among);
		}
		return spec.query(Long.class).list();
	}

	private Counts anonymiseCustomers(List<Long> customerIds, Instant now) {
		if (customerIds.isEmpty()) {
			return new Counts(0, 0);
		}
		List<Long> complaints = jdbc.sql("select id from complaint where customer_id in (:ids) and anonymised_at is null")
				.param("ids", customerIds).query(Long.class).list();
		int n = customers.anonymise(customerIds, now);
		return new Counts(n, anonymiseComplaints(complaints, now).complaints());
	}

	private record Texts(long id, String customerName, String complainantName, String description, String onlineContent) {
	}

	private Counts anonymiseComplaints(List<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return new Counts(0, 0);
		}
		Timestamp at = Timestamp.from(now);
		List<Texts> rows = jdbc.sql("select id, customer_name, complainant_name, description, online_content from complaint "
				+ "where id in (:ids) and anonymised_at is null").param("ids", ids)
				.query((rs, i) -> new Texts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
				.list();
		Set<String> names = new LinkedHashSet<>();
		for (Texts t : rows) {
			names.add(t.customerName());
			names.add(t.complainantName());
			jdbc.sql("update complaint set customer_name = :anon, complainant_name = case when complainant_name is null "
					+ "then null else :anon end, description = :description, online_handle = null, online_url = null, "
					+ "online_content = :content, anonymised_at = :now, version = version + 1 where id = :id")
					.param("anon", ANONYMISED).param("description", scrub(t.description(), t))
					.param("content", t.onlineContent() == null ? null : scrub(t.onlineContent(), t)).param("now", at)
					.param("id", t.id()).update();
		}
		List<Long> done = rows.stream().map(Texts::id).toList();
		if (done.isEmpty()) {
			return new Counts(0, 0);
		}
		scrubReplies(done, names);
		scrubCallbacks(done, names);
		events.publishEvent(new ComplaintsAnonymised(done));
		return new Counts(0, done.size());
	}

	private void scrubReplies(List<Long> complaintIds, Set<String> names) {
		record Line(long id, String text) {
		}
		List<Line> lines = jdbc.sql("select r.id, r.text from work_order_reply r join work_order w on w.id = r.work_order_id "
				+ "where w.complaint_id in (:ids)").param("ids", complaintIds)
				.query((rs, i) -> new Line(rs.getLong(1), rs.getString(2))).list();
		for (Line l : lines) {
			String s = scrub(l.text(), names);
			if (!s.equals(l.text())) {
				jdbc.sql("update work_order_reply set text = :t where id = :id").param("t", s).param("id", l.id()).update();
			}
		}
	}

	private void scrubCallbacks(List<Long> complaintIds, Set<String> names) {
		record Line(long id, String text) {
		}
		List<Line> lines = jdbc.sql("select id, notes from complaint_callback where complaint_id in (:ids) and notes is not null")
				.param("ids", complaintIds).query((rs, i) -> new Line(rs.getLong(1), rs.getString(2))).list();
		for (Line l : lines) {
			String s = scrub(l.text(), names);
			if (!s.equals(l.text())) {
				jdbc.sql("update complaint_callback set notes = :t where id = :id").param("t", s).param("id", l.id()).update();
			}
		}
	}

	private static String scrub(String text, Texts t) {
		Set<String> names = new LinkedHashSet<>();
		names.add(t.customerName());
		names.add(t.complainantName());
		return scrub(text, names);
	}

	/** The text with the given names replaced by 某客户 and phone, ID and plate numbers by ***. */
	static String scrub(String text, Collection<String> names) {
		if (text == null) {
			return null;
		}
		String s = text;
		List<String> sorted = new ArrayList<>();
		for (String n : names) {
			if (n != null && n.strip().length() >= 2 && !n.strip().equals(ANONYMISED)) {
				sorted.add(n.strip());
			}
		}
		sorted.sort((a, b) -> b.length() - a.length());
		for (String n : sorted) {
			s = s.replace(n, "某客户");
		}
		return NUMBERS.matcher(s).replaceAll("***");
	}
}
