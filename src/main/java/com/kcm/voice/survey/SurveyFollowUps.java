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
			String note, List<AnswerLine> answers) {
	}

	/** One answer of the survey: the question's position and text, and the score, choice or text given. */
	record AnswerLine(int position, String question, Integer score, String choice, String text) {
	}

	/** A follow-up row as stored. */
	private record Row(long id, long surveyId, long customerId, Long dealerId, Long complaintId, Integer lowestScore,
			Integer nps, Instant createdAt, Instant doneAt, String doneBy, String note) {

		static final String SELECT = "select id, survey_id, customer_id, dealer_id, complaint_id, lowest_score, nps, "
				+ "created_at, done_at, done_by, note from survey_follow_up";

		static Row of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
			return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class),
					rs.getObject(5, Long.class), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
					instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11));
		}

		private static Instant instant(Timestamp t) {
			return t == null ? null : t.toInstant();
		}
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
		List<Row> rows = jdbc.sql(Row.SELECT + " where done_at is null order by created_at, id fetch first :n rows only")
				.param("n", limit).query(Row::of).list();
		Set<Long> people = new HashSet<>();
		Set<Long> ds = new HashSet<>();
		rows.forEach(r -> {
			people.add(r.customerId());
			if (r.dealerId() != null) {
				ds.add(r.dealerId());
			}
		});
		Map<Long, CustomerView> names = customers.forReferences(people);
		Map<Long, DealerSummary> byId = ds.isEmpty() ? Map.of() : dealers.byIds(ds);
		return rows.stream().map(r -> {
			CustomerView c = names.get(r.customerId());
			DealerSummary d = r.dealerId() == null ? null : byId.get(r.dealerId());
			String reason = "低分回访" + (r.lowestScore() != null ? " · 最低评分 " + r.lowestScore() : "")
					+ (r.nps() != null ? " · 推荐度 " + r.nps() : "");
			return new FollowUp(KIND, r.id(), c == null ? null : c.name(), d == null ? null : d.label(), reason,
					r.createdAt(), "/voice/surveys/follow-ups/" + r.id());
		}).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public long countOpen() {
		return jdbc.sql("select count(*) from survey_follow_up where done_at is null").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	Detail get(long id) {
		Row r = jdbc.sql(Row.SELECT + " where id = :id").param("id", id).query(Row::of).optional()
				.orElseThrow(() -> new NotFoundException(TYPE, id));
		CustomerView c = customers.forReferences(List.of(r.customerId())).get(r.customerId());
		String dealer = r.dealerId() == null ? null : dealers.byId(r.dealerId()).map(DealerSummary::label).orElse(null);
		List<AnswerLine> answers = jdbc.sql("""
				select q.position, q.text as question, a.score, a.choice, a.text from survey_answer a
				join survey_question q on q.id = a.question_id where a.survey_id = :s order by q.position""")
				.param("s", r.surveyId()).query((rs, n) -> new AnswerLine(rs.getInt(1), rs.getString(2),
						rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5)))
				.list();
		return new Detail(id, r.surveyId(), r.customerId(), c == null ? null : c.name(), c == null ? null : c.phone(),
				dealer, r.complaintId(), r.lowestScore(), r.nps(), r.createdAt(), r.doneAt(), r.doneBy(), r.note(), answers);
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
