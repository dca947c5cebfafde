package com.kcm.voice.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.complaint.ComplaintClosed;
import com.kcm.complaint.ComplaintStatus;
import com.kcm.complaint.CustomerComplaints;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * Sending surveys (SPEC §7.4): after a complaint or repair request reaches {@code CLOSED} (not a forced or
 * unreachable closure) and by campaign. Whatever the source, a customer gets at most one survey per
 * {@code SURVEY_INTERVAL_DAYS} (one conditional update of its {@code survey_contact} row, so two sources at the same
 * moment cannot both pass) and only with its SURVEY consent in force — checked here and again when the SMS goes out.
 * A survey is created with {@link SurveyDue} in one transaction; {@link SurveySender} sends it through the outbox.
 */
@Service
class Surveys {

	private static final Logger log = LoggerFactory.getLogger(Surveys.class);

	/** A closure older than this when its event is handled is history (an import), not a reason to write today. */
	static final Duration RECENT_CLOSURE = Duration.ofDays(2);

	enum Source {
		CLOSURE, CAMPAIGN
	}

	/** Why no survey was created. */
	enum Refusal {
		NO_CONSENT, TOO_SOON, NO_TEMPLATE
	}

	record Outcome(Long surveyId, Refusal refusal) {
	}

	private final JdbcClient jdbc;
	private final SurveyTemplates templates;
	private final SurveyConsent consent;
	private final Policies policies;
	private final CustomerComplaints complaints;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Surveys(JdbcClient jdbc, SurveyTemplates templates, SurveyConsent consent, Policies policies,
			CustomerComplaints complaints, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.consent = consent;
		this.policies = policies;
		this.complaints = complaints;
		this.events = events;
		this.clock = clock;
	}

	/** A closure in status CLOSED sends the automatic template to the customer (once per complaint). */
	@ApplicationModuleListener
	void on(ComplaintClosed event) {
		Instant now = clock.instant();
		if (event.status() != ComplaintStatus.CLOSED || event.at().isBefore(now.minus(RECENT_CLOSURE))) {
			return;
		}
		if (jdbc.sql("select count(*) from survey where complaint_id = :c").param("c", event.complaintId())
				.query(Long.class).single() > 0) {
			return; // the event delivered again
		}
		complaints.surveySubject(event.complaintId()).filter(s -> s.customerId() != null).ifPresent(s -> {
			Optional<SurveyTemplates.Template> t = templates.automatic();
			if (t.isEmpty()) {
				log.info("no automatic survey template: complaint {} closed without a survey", event.complaintId());
				return;
			}
			Outcome o = create(t.get().id(), s.customerId(), s.dealerId(), s.complaintId(), null, Source.CLOSURE);
			log.debug("survey after closure of complaint {}: {}", event.complaintId(), o);
		});
	}

	/**
	 * Creates a survey when the customer has its SURVEY consent in force now and had no survey in the interval;
	 * publishes {@link SurveyDue} in the same transaction. Runs in the caller's transaction (a campaign sends in one).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	Outcome create(long templateId, long customerId, Long dealerId, Long complaintId, Long campaignId, Source source) {
		Instant now = clock.instant();
		if (!consent.inForce(customerId, now)) {
			return new Outcome(null, Refusal.NO_CONSENT);
		}
		if (!claimContact(customerId, now)) {
			return new Outcome(null, Refusal.TOO_SOON);
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into survey (template_id, customer_id, dealer_id, complaint_id, campaign_id, source, status, created_at)
				values (:t, :c, :d, :k, :g, :s, 'PENDING', :at)""").param("t", templateId).param("c", customerId)
				.param("d", dealerId).param("k", complaintId).param("g", campaignId).param("s", source.name())
				.param("at", Timestamp.from(now)).update(key, "id");
		long id = key.getKey().longValue();
		events.publishEvent(new SurveyDue(id));
		return new Outcome(id, null);
	}

	/**
	 * Takes the customer's survey slot: the row is moved to now only when its last survey is at least the interval
	 * ago; a first survey inserts it.
	 */
	boolean claimContact(long customerId, Instant now) {
		int days = policies.intAt(PolicyName.SURVEY_INTERVAL_DAYS, now);
		int moved = jdbc.sql("""
				update survey_contact set last_survey_at = :now where customer_id = :c and last_survey_at <= :limit""")
				.param("now", Timestamp.from(now)).param("c", customerId)
				.param("limit", Timestamp.from(now.minus(Duration.ofDays(days)))).update();
		if (moved == 1) {
			return true;
		}
		// a first survey: inserted unless the row exists (a concurrent first insert fails on the key: the whole
		// command fails and is retried, then refused by the update above)
		return jdbc.sql("""
				insert into survey_contact (customer_id, last_survey_at)
				select cast(:c as bigint), cast(:now as timestamp with time zone)
				where not exists (select 1 from survey_contact where customer_id = :c)""").param("c", customerId)
				.param("now", Timestamp.from(now)).update() == 1;
	}
}
