package com.kcm.voice.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.voice.SurveyAnswered;

/**
 * The public answer (SPEC §7.4): a link's token opens its survey when it was sent, is not expired and not yet
 * answered; an unknown and an expired token are answered alike (nothing tells them apart); a used one says so.
 * Answering is one conditional update (the token answers once even with two submissions at the same moment). A
 * score question answered ≤ 2 or the NPS question ≤ 6 opens a low-score follow-up in the callback queue and
 * {@link SurveyAnswered} says so.
 */
@Service
class SurveyAnswers {

	static final int LOW_SCORE = 2;
	static final int LOW_NPS = 6;

	enum State {
		INVALID, USED, OPEN
	}

	/** What the page may show: the dealer's name, the case number (complaint id) and the questions. */
	record Opened(State state, long surveyId, long templateId, String dealerName, Long caseNo,
			List<SurveyTemplates.Question> questions) {
		static Opened of(State s) {
			return new Opened(s, 0, 0, null, null, List.of());
		}
	}

	private final JdbcClient jdbc;
	private final SurveyTemplates templates;
	private final DealerCatalog dealers;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SurveyAnswers(JdbcClient jdbc, SurveyTemplates templates, DealerCatalog dealers, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.dealers = dealers;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Opened open(String token) {
		if (!SurveyTokens.wellFormed(token)) {
			return Opened.of(State.INVALID);
		}
		return opened(jdbc.sql(SELECT + " where token_hash = :h").param("h", SurveyTokens.hash(token)).query(LinkRow::of)
				.optional());
	}

	/**
	 * The survey as its link would open it, found by id: for the demo data, which answers sent surveys as their
	 * customers would without the token (only its hash is stored). Not reachable from the web.
	 */
	@Transactional(readOnly = true)
	Opened openSent(long surveyId) {
		return opened(jdbc.sql(SELECT + " where id = :id").param("id", surveyId).query(LinkRow::of).optional());
	}

	private static final String SELECT = "select id, template_id, dealer_id, complaint_id, status, expires_at from survey";

	/** What opening a link reads of its survey. */
	private record LinkRow(long id, long templateId, Long dealerId, Long complaintId, String status, Instant expiresAt) {

		static LinkRow of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
			Timestamp expires = rs.getTimestamp(6);
			return new LinkRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
					rs.getString(5), expires == null ? null : expires.toInstant());
		}
	}

	private Opened opened(Optional<LinkRow> row) {
		if (row.isEmpty()) {
			return Opened.of(State.INVALID);
		}
		LinkRow r = row.get();
		if ("ANSWERED".equals(r.status())) {
			return Opened.of(State.USED);
		}
		Instant expires = r.expiresAt();
		if (!"SENT".equals(r.status()) && !"SENDING".equals(r.status()) || expires == null
				|| !clock.instant().isBefore(expires)) {
			return Opened.of(State.INVALID);
		}
		String dealer = Optional.ofNullable(r.dealerId()).flatMap(dealers::byId).map(DealerSummary::name).orElse(null);
		return new Opened(State.OPEN, r.id(), r.templateId(), dealer, r.complaintId(),
				templates.get(r.templateId()).questions());
	}

	/** The answers by question id, as submitted (text). Returns the state after: OPEN → answered now. */
	@Transactional
	public State answer(String token, Map<Long, String> given) {
		return answer(open(token), given);
	}

	/** The demo data's answer to a sent survey (see {@link #openSent}). */
	@Transactional
	State answerSent(long surveyId, Map<Long, String> given) {
		return answer(openSent(surveyId), given);
	}

	private State answer(Opened o, Map<Long, String> given) {
		if (o.state() != State.OPEN) {
			return o.state();
		}
		List<Violation> errors = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Integer lowest = null;
		Integer nps = null;
		for (SurveyTemplates.Question q : o.questions()) {
			String v = given.getOrDefault(q.id(), "");
			v = v == null ? "" : v.strip();
			String field = "q" + q.id();
			switch (q.kind()) {
				case SCORE_1_5, NPS_0_10 -> {
					int max = q.kind() == QuestionKind.SCORE_1_5 ? 5 : 10;
					int min = q.kind() == QuestionKind.SCORE_1_5 ? 1 : 0;
					Integer n = null;
					try {
						n = Integer.parseInt(v);
					} catch (NumberFormatException e) {
						n = null;
					}
					if (n == null || n < min || n > max) {
						errors.add(Violation.field(field, "survey.answer.score", q.position(), min, max));
						continue;
					}
					if (q.kind() == QuestionKind.SCORE_1_5) {
						lowest = lowest == null ? n : Math.min(lowest, n);
					} else {
						nps = nps == null ? n : Math.min(nps, n);
					}
					rows.add(new Object[] { q.id(), n, null, null });
				}
				case CHOICE -> {
					if (!q.options().contains(v)) {
						errors.add(Violation.field(field, "survey.answer.choice", q.position()));
						continue;
					}
					rows.add(new Object[] { q.id(), null, v, null });
				}
				case TEXT -> {
					if (v.length() > 2000) {
						errors.add(Violation.field(field, "survey.tooLong", 2000));
						continue;
					}
					if (!v.isEmpty()) {
						rows.add(new Object[] { q.id(), null, null, v });
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Instant now = clock.instant();
		int taken = jdbc.sql("""
				update survey set status = 'ANSWERED', answered_at = :now
				where id = :id and status in ('SENT', 'SENDING') and expires_at > :now""")
				.param("now", Timestamp.from(now)).param("id", o.surveyId()).update();
		if (taken == 0) {
			return State.USED;
		}
		for (Object[] r : rows) {
			jdbc.sql("insert into survey_answer (survey_id, question_id, score, choice, text) values (:s, :q, :n, :c, :t)")
					.param("s", o.surveyId()).param("q", r[0]).param("n", r[1]).param("c", r[2]).param("t", r[3]).update();
		}
		boolean low = lowest != null && lowest <= LOW_SCORE || nps != null && nps <= LOW_NPS;
		SurveyRecipient s = SurveyRecipient.of(jdbc, o.surveyId());
		long customerId = s.customerId();
		Long dealerId = s.dealerId();
		Long complaintId = s.complaintId();
		if (low) {
			jdbc.sql("""
					insert into survey_follow_up (survey_id, customer_id, dealer_id, complaint_id, lowest_score, nps, created_at)
					values (:s, :c, :d, :k, :l, :n, :at)""").param("s", o.surveyId()).param("c", customerId)
					.param("d", dealerId).param("k", complaintId).param("l", lowest).param("n", nps)
					.param("at", Timestamp.from(now)).update();
		}
		events.publishEvent(new SurveyAnswered(o.surveyId(), customerId, dealerId, complaintId, lowest, nps, low, now));
		return State.OPEN;
	}
}
