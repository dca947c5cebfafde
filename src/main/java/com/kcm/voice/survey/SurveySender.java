package com.kcm.voice.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.customer.Customers;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.notification.SmsGateway;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * Sends a survey's SMS once (the outbox side of {@link SurveyDue}): claims the survey ({@code PENDING} or
 * {@code FAILED}, or a {@code SENDING} claim older than {@link #STUCK}), checks the SURVEY consent and the mobile at
 * this moment, makes the token (only its hash is stored) and hands the text to the {@link SmsGateway}; then marks it
 * {@code SENT} with its expiry. A gateway failure marks it {@code FAILED} and rethrows, so the publication is delivered
 * again (with a new token: the failed message never reached the customer). A survey already sent, answered or
 * skipped is never sent again. The limit is the notification module's: a crash between the gateway's acceptance and
 * the mark sends it a second time (with a new link; the first one then no longer answers).
 */
@Component
class SurveySender {

	static final Duration STUCK = Duration.ofMinutes(2);

	private final JdbcClient jdbc;
	private final SurveyConsent consent;
	private final Customers customers;
	private final DealerCatalog dealers;
	private final SmsGateway sms;
	private final Policies policies;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final String publicUrl;

	SurveySender(JdbcClient jdbc, SurveyConsent consent, Customers customers, DealerCatalog dealers, SmsGateway sms,
			Policies policies, Clock clock, PlatformTransactionManager transactions,
			@Value("${kcm.public-url:http://localhost:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.consent = consent;
		this.customers = customers;
		this.dealers = dealers;
		this.sms = sms;
		this.policies = policies;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SurveyDue event) {
		send(event.surveyId());
	}

	void send(long surveyId) {
		Instant now = clock.instant();
		Integer claimed = tx.execute(s -> jdbc.sql("""
				update survey set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
				where id = :id and (status in ('PENDING', 'FAILED') or (status = 'SENDING' and claimed_at < :stuck))""")
				.param("now", Timestamp.from(now)).param("id", surveyId).param("stuck", Timestamp.from(now.minus(STUCK)))
				.update());
		if (claimed == null || claimed == 0) {
			return;
		}
		SurveyRecipient row = SurveyRecipient.of(jdbc, surveyId);
		long customerId = row.customerId();
		if (!consent.inForce(customerId, now)) {
			skip(surveyId, "NO_CONSENT");
			return;
		}
		Optional<String> mobile = customers.mobileForMessage(customerId);
		if (mobile.isEmpty()) {
			skip(surveyId, "NO_MOBILE");
			return;
		}
		String token = SurveyTokens.newToken();
		Instant expires = now.plus(Duration.ofDays(policies.intAt(PolicyName.SURVEY_LINK_DAYS, now)));
		tx.executeWithoutResult(s -> jdbc.sql("update survey set token_hash = :h, sent_at = :now, expires_at = :exp where id = :id")
				.param("h", SurveyTokens.hash(token)).param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires))
				.param("id", surveyId).update());
		try {
			sms.send(mobile.get(), text(row, token, Duration.between(now, expires).toDays()));
		} catch (RuntimeException e) {
			tx.executeWithoutResult(s -> jdbc.sql("update survey set status = 'FAILED', token_hash = null where id = :id")
					.param("id", surveyId).update());
			throw e;
		}
		tx.executeWithoutResult(s -> jdbc.sql("update survey set status = 'SENT' where id = :id and status = 'SENDING'")
				.param("id", surveyId).update());
	}

	private void skip(long surveyId, String reason) {
		tx.executeWithoutResult(s -> jdbc.sql("update survey set status = 'SKIPPED', skip_reason = :r where id = :id")
				.param("r", reason).param("id", surveyId).update());
	}

	/** The SMS: the company, the dealer's name, the case number and the link — nothing personal. */
	String text(SurveyRecipient row, String token, long days) {
		String company = policies.textAt(PolicyName.COMPANY_NAME, clock.instant());
		String dealer = Optional.ofNullable(row.dealerId()).flatMap(dealers::byId).map(DealerSummary::name).orElse(company);
		Long complaint = row.complaintId();
		String link = publicUrl + "/s/" + token;
		return complaint != null
				? "【" + company + "】您在" + dealer + "的服务案件（编号 " + complaint + "）已办结，诚邀您评价：" + link
						+ " （" + days + "天内有效）"
				: "【" + company + "】诚邀您对" + dealer + "的服务进行满意度评价：" + link + " （" + days + "天内有效）";
	}
}
