package com.kcm.voice.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.complaint.CustomerComplaints;
import com.kcm.identity.DemoSignIn;
import com.kcm.shared.TimeConfig;
import com.kcm.voice.ConsentCommand;
import com.kcm.voice.Consents;

/**
 * Demo surveys (README): the latest closed demo complaints get the automatic survey through the real rules
 * (SURVEY consent in force, one survey per customer per 30 days — the customers without consent get none) and the
 * real sender (the SMS goes to the logging gateway); most customers then answer
 * as they would on the link's page, one of them with low scores, so the results of this month, the NPS beside
 * the statement and a low-score follow-up in the callback queue have something to show. Runs once (order 75,
 * after the demo consents): only while no survey exists.
 */
@Component
@Order(75)
class SurveyDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(SurveyDemoData.class);

	/** Per answering customer in turn: the 1–5 score, the 0–10 recommendation and the comment (null: none). */
	private static final List<Answer> ANSWERS = List.of(new Answer(5, 10, "接待热情，处理及时，非常满意"),
			new Answer(4, 9, null), new Answer(2, 3, "等了一周才有人联系，问题还没彻底解决"),
			new Answer(5, 9, "服务顾问主动回访，问题一次解决"), new Answer(4, 8, null), new Answer(5, 10, null),
			new Answer(3, 7, "维修时间偏长"), new Answer(4, 9, null));

	private record Answer(int score, int nps, String text) {
	}

	private final Surveys surveys;
	private final SurveySender sender;
	private final SurveyAnswers answers;
	private final SurveyTemplates templates;
	private final Consents consents;
	private final CustomerComplaints complaints;
	private final DemoSignIn signIn;
	private final JdbcClient jdbc;
	private final Clock clock;

	SurveyDemoData(Surveys surveys, SurveySender sender, SurveyAnswers answers, SurveyTemplates templates,
			Consents consents, CustomerComplaints complaints, DemoSignIn signIn, JdbcClient jdbc, Clock clock) {
		this.surveys = surveys;
		this.sender = sender;
		this.answers = answers;
		this.templates = templates;
		this.consents = consents;
		this.complaints = complaints;
		this.signIn = signIn;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the demo wrote: the surveys sent and how many of them were answered. */
	record Loaded(List<Long> surveys, int answered) {
	}

	@Override
	public void loadDemo() {
		if (jdbc.sql("select count(*) from survey").query(Long.class).single() > 0) {
			return;
		}
		try {
			Loaded l = load(24, "aftersales");
			log.info("Demo surveys: {} sent, {} answered", l.surveys().size(), l.answered());
		} catch (RuntimeException e) {
			log.warn("Demo surveys incomplete: {}", e.toString());
		}
	}

	/** Surveys the customers of the {@code complaints} latest closures, the consents recorded by {@code user}. */
	Loaded load(int complaints, String user) {
		Optional<SurveyTemplates.Template> template = templates.automatic();
		if (template.isEmpty()) {
			return new Loaded(List.of(), 0);
		}
		List<Long> sent = new ArrayList<>();
		signIn.runAs(user, () -> sent.addAll(create(template.get(), complaints)));
		return new Loaded(sent, answer(sent));
	}

	/**
	 * The customers of the latest closed demo complaints: most agreed to surveys at the callback (one in six did
	 * not, and gets none); each consenting one gets the automatic survey of that complaint, sent at once (the
	 * outbox would, a moment later).
	 */
	private List<Long> create(SurveyTemplates.Template template, int limit) {
		List<Long> ids = new ArrayList<>();
		OffsetDateTime agreed = clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().minusDays(1);
		int n = 0;
		for (CustomerComplaints.SurveySubject s : complaints.latestClosed(limit)) {
			if (n++ % 6 != 5) {
				consents.record(s.customerId(), new ConsentCommand("SURVEY", "GIVEN", "PHONE", agreed, "回访时同意接受满意度调查"));
			}
			Surveys.Outcome o = surveys.create(template.id(), s.customerId(), s.dealerId(), s.complaintId(), null,
					Surveys.Source.CLOSURE);
			if (o.surveyId() != null) {
				sender.send(o.surveyId()); // a no-op when the outbox listener was first
				ids.add(o.surveyId());
			}
		}
		return ids;
	}

	/** All but every fifth survey answered, in the order of {@link #ANSWERS}; waits briefly for a send in flight. */
	private int answer(List<Long> ids) {
		int answered = 0;
		for (int i = 0; i < ids.size(); i++) {
			if (i % 5 == 4 || !sent(ids.get(i))) {
				continue;
			}
			Answer a = ANSWERS.get(answered % ANSWERS.size());
			Map<Long, String> given = new LinkedHashMap<>();
			for (SurveyTemplates.Question q : answers.openSent(ids.get(i)).questions()) {
				switch (q.kind()) {
					case SCORE_1_5 -> given.put(q.id(), String.valueOf(a.score()));
					case NPS_0_10 -> given.put(q.id(), String.valueOf(a.nps()));
					case CHOICE -> given.put(q.id(), q.options().get(0));
					case TEXT -> given.put(q.id(), a.text() == null ? "" : a.text());
				}
			}
			if (answers.answerSent(ids.get(i), given) == SurveyAnswers.State.OPEN) {
				answered++;
			}
		}
		return answered;
	}

	private boolean sent(long surveyId) {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until) {
			String status = jdbc.sql("select status from survey where id = :id").param("id", surveyId).query(String.class)
					.single();
			if ("SENT".equals(status)) {
				return true;
			}
			if (!"PENDING".equals(status) && !"SENDING".equals(status)) {
				return false;
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}
}
