package com.kcm.voice.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.complaint.CallbackFollowUps;
import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.NotFoundException;

/**
 * Low-score follow-ups (SPEC §7.4) in customer service's callback queue: each open one is listed on {@code /callbacks}
 * beside the complaints waiting for their callback, linking to its page here, where the agent sees the answers and
 * closes it with a note (audited).
 */
@Component
class SurveyFollowUps implements CallbackFollowUps {

	static final String KIND = "SURVEY_LOW_SCORE";
	static final String TYPE = "survey_follow_up";

	/** One follow-up with its survey's answers. */
	record Detail(long id, long surveyId, long customerId, String customerName, String customerPhone, String dealer,
			Long complaintId, Integer lowestScore, Integer nps, Instant createdAt, Instant doneAt, String doneBy,
			String note, List<Map<String, Object>> answers) {
	}

	private final JdbcClient jdbc;
	private final Customers customers;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	SurveyFollowUps(JdbcClient jdbc, Customers customers, DealerCatalog dealers, CurrentUsers users, Audit audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.dealers = dealers;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FollowUp> open(int limit) {
		List<Map<String, Object>> rows = jdbc.sql("""
				select id, customer_id, dealer_id, lowest_score, nps, created_at from survey_follow_up
				where done_at is null order by created_at, id fetch first :n rows only""").param("n", limit).query()
				.listOfRows();
		Set<Long> people = new HashSet<>();
		Set<Long> ds = new HashSet<>();
		rows.forEach(r -> {
			people.add(((Number) r.get("customer_id")).longValue());
			if (r.get("dealer_id") != null) {
				ds.add(((Number) r.get("dealer_id")).longValue());
			}
		});
		Map<Long, CustomerView> names = customers.forReferences(people);
		Map<Long, DealerSummary> byId = ds.isEmpty() ? Map.of() : dealers.byIds(ds);
		return rows.stream().map(r -> {
			CustomerView c = names.get(((Number) r.get("customer_id")).longValue());
			DealerSummary d = r.get("dealer_id") == null ? null : byId.get(((Number) r.get("dealer_id")).longValue());
			long id = ((Number) r.get("id")).longValue();
			String reason = "低分回访" + (r.get("lowest_score") != null ? " · 最低评分 " + r.get("lowest_score") : "")
					+ (r.get("nps") != null ? " · 推荐度 " + r.get("nps") : "");
			return new FollowUp(KIND, id, c == null ? null : c.name(), d == null ? null : d.label(), reason,
					SurveyAnswers.instant(r.get("created_at")), "/voice/surveys/follow-ups/" + id);
		}).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public long countOpen() {
		return jdbc.sql("select count(*) from survey_follow_up where done_at is null").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	Detail get(long id) {
		Map<String, Object> r = jdbc.sql("select * from survey_follow_up where id = :id").param("id", id).query()
				.listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException(TYPE, id));
		long customerId = ((Number) r.get("customer_id")).longValue();
		CustomerView c = customers.forReferences(List.of(customerId)).get(customerId);
		String dealer = r.get("dealer_id") == null ? null
				: dealers.byId(((Number) r.get("dealer_id")).longValue()).map(DealerSummary::label).orElse(null);
		long surveyId = ((Number) r.get("survey_id")).longValue();
		List<Map<String, Object>> answers = jdbc.sql("""
				select q.position, q.kind, q.text as question, a.score, a.choice, a.text from survey_answer a
				join survey_question q on q.id = a.question_id where a.survey_id = :s order by q.position""")
				.param("s", surveyId).query().listOfRows();
		return new Detail(id, surveyId, customerId, c == null ? null : c.name(), c == null ? null : c.phone(), dealer,
				r.get("complaint_id") == null ? null : ((Number) r.get("complaint_id")).longValue(),
				(Integer) r.get("lowest_score"), (Integer) r.get("nps"), SurveyAnswers.instant(r.get("created_at")),
				SurveyAnswers.instant(r.get("done_at")), (String) r.get("done_by"), (String) r.get("note"), answers);
	}

	@Transactional
	void done(long id, String note) {
		Detail before = get(id);
		if (before.doneAt() != null) {
			return;
		}
		String n = note == null || note.isBlank() ? null : note.strip();
		if (n != null && n.length() > 2000) {
			throw com.kcm.shared.domain.ValidationException.of("note", "survey.tooLong", 2000);
		}
		jdbc.sql("update survey_follow_up set done_at = :at, done_by = :by, note = :n where id = :id and done_at is null")
				.param("at", Timestamp.from(clock.instant())).param("by", users.current().username()).param("n", n)
				.param("id", id).update();
		audit.changed(Audit.UPDATE, TYPE, id, Map.of("done", false), Map.of("done", true, "note", n == null ? "" : n));
	}
}
