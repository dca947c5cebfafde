package com.kcm.voice.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/**
 * Survey templates with versions (SPEC §7.4): a template is a family; a version that was ever sent is never changed —
 * editing it makes the next version, which becomes the current one. A version not yet sent is edited in place.
 * The template marked for automatic sending is sent after closures (its current version).
 */
@Service
class SurveyTemplates {

	static final int MAX_QUESTIONS = 20;
	static final String TYPE = "survey_template";

	/** A question: its kind, text and (for {@code CHOICE}) options. */
	public record Question(long id, int position, QuestionKind kind, String text, List<String> options) {
	}

	/** A question as entered: kind, text and options. */
	public record QuestionInput(String kind, String text, List<String> options) {
	}

	public record TemplateInput(String name, Boolean autoSend, List<QuestionInput> questions) {
	}

	/** One version of a template with its questions; {@code inUse}: sent at least once. */
	public record Template(long id, long familyId, int version, String name, boolean autoSend, boolean current,
			boolean inUse, List<Question> questions) {
	}

	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	SurveyTemplates(JdbcClient jdbc, CurrentUsers users, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The current version of every template, by name. */
	@Transactional(readOnly = true)
	public List<Template> current() {
		List<Long> ids = jdbc.sql("select id from survey_template where current_version order by name, id").query(Long.class)
				.list();
		return ids.stream().map(this::get).toList();
	}

	@Transactional(readOnly = true)
	public Template get(long id) {
		Map<String, Object> row = jdbc.sql("select * from survey_template where id = :id").param("id", id).query()
				.listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException(TYPE, id));
		boolean inUse = jdbc.sql("select count(*) from survey where template_id = :id").param("id", id).query(Long.class)
				.single() > 0;
		List<Question> qs = jdbc.sql("select * from survey_question where template_id = :id order by position")
				.param("id", id).query((rs, i) -> new Question(rs.getLong("id"), rs.getInt("position"),
						QuestionKind.valueOf(rs.getString("kind")), rs.getString("text"), options(rs.getString("options"))))
				.list();
		return new Template(id, ((Number) row.get("family_id")).longValue(), ((Number) row.get("version")).intValue(),
				(String) row.get("name"), (Boolean) row.get("auto_send"), (Boolean) row.get("current_version"), inUse, qs);
	}

	/** The current version of the template sent after closures, if one is marked. */
	@Transactional(readOnly = true)
	public Optional<Template> automatic() {
		return jdbc.sql("select id from survey_template where auto_send and current_version order by id desc")
				.query(Long.class).list().stream().findFirst().map(this::get);
	}

	static List<String> options(String stored) {
		return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
	}

	@Transactional
	public Template create(TemplateInput in) {
		validate(in);
		long id = insertVersion(null, 1, in);
		jdbc.sql("update survey_template set family_id = id where id = :id").param("id", id).update();
		autoSend(id, in);
		audit.changed(Audit.CREATE, TYPE, id, null, Map.of("name", in.name().strip()));
		return get(id);
	}

	/** Edits a version: in place while never sent, else as the family's next version (the old one stays as it was). */
	@Transactional
	public Template edit(long id, TemplateInput in) {
		Template old = get(id);
		if (!old.current()) {
			throw ValidationException.of("id", "survey.template.notCurrent");
		}
		validate(in);
		long target;
		if (old.inUse()) {
			target = insertVersion(old.familyId(), old.version() + 1, in);
			jdbc.sql("update survey_template set current_version = false where id = :id").param("id", id).update();
		} else {
			jdbc.sql("update survey_template set name = :n where id = :id").param("n", in.name().strip()).param("id", id)
					.update();
			jdbc.sql("delete from survey_question where template_id = :id").param("id", id).update();
			insertQuestions(id, in.questions());
			target = id;
		}
		autoSend(target, in);
		audit.changed(Audit.UPDATE, TYPE, target, Map.of("id", id, "version", old.version()),
				Map.of("name", in.name().strip(), "version", old.inUse() ? old.version() + 1 : old.version()));
		return get(target);
	}

	private void autoSend(long id, TemplateInput in) {
		if (Boolean.TRUE.equals(in.autoSend())) {
			jdbc.sql("update survey_template set auto_send = (id = :id)").param("id", id).update();
		} else {
			jdbc.sql("update survey_template set auto_send = false where id = :id").param("id", id).update();
		}
	}

	private long insertVersion(Long familyId, int version, TemplateInput in) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into survey_template (family_id, version, name, auto_send, current_version, created_at, created_by)
				values (:f, :v, :n, false, true, :at, :by)""").param("f", familyId).param("v", version)
				.param("n", in.name().strip()).param("at", Timestamp.from(clock.instant()))
				.param("by", users.current().username()).update(key, "id");
		long id = key.getKey().longValue();
		insertQuestions(id, in.questions());
		return id;
	}

	private void insertQuestions(long templateId, List<QuestionInput> questions) {
		int position = 1;
		for (QuestionInput q : questions) {
			List<String> opts = q.options() == null ? List.of()
					: q.options().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
			jdbc.sql("insert into survey_question (template_id, position, kind, text, options) values (:t, :p, :k, :x, :o)")
					.param("t", templateId).param("p", position++).param("k", q.kind().strip())
					.param("x", q.text().strip()).param("o", opts.isEmpty() ? null : String.join("\n", opts)).update();
		}
	}

	static void validate(TemplateInput in) {
		List<Violation> errors = new ArrayList<>();
		if (in.name() == null || in.name().isBlank()) {
			errors.add(Violation.field("name", "survey.template.name.required"));
		} else if (in.name().strip().length() > 100) {
			errors.add(Violation.field("name", "survey.tooLong", 100));
		}
		List<QuestionInput> qs = in.questions() == null ? List.of() : in.questions();
		if (qs.isEmpty() || qs.size() > MAX_QUESTIONS) {
			errors.add(Violation.field("questions", "survey.template.questions.count", MAX_QUESTIONS));
		}
		for (int i = 0; i < qs.size(); i++) {
			QuestionInput q = qs.get(i);
			String f = "questions[" + i + "]";
			QuestionKind kind = null;
			try {
				kind = q == null || q.kind() == null ? null : QuestionKind.valueOf(q.kind().strip());
			} catch (IllegalArgumentException e) {
				kind = null;
			}
			if (kind == null) {
				errors.add(Violation.field(f + ".kind", "survey.template.kind.unknown"));
			}
			if (q == null || q.text() == null || q.text().isBlank()) {
				errors.add(Violation.field(f + ".text", "survey.template.text.required"));
			} else if (q.text().strip().length() > 300) {
				errors.add(Violation.field(f + ".text", "survey.tooLong", 300));
			}
			long options = q == null || q.options() == null ? 0 : q.options().stream().filter(o -> o != null && !o.isBlank()).count();
			if (kind == QuestionKind.CHOICE && options < 2) {
				errors.add(Violation.field(f + ".options", "survey.template.options.required"));
			}
			if (q != null && q.options() != null && q.options().stream().anyMatch(o -> o != null && (o.contains("\n") || o.length() > 200))) {
				errors.add(Violation.field(f + ".options", "survey.template.options.invalid"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	/** The questions of a version by id (for answers and results). */
	Map<Long, Question> questions(long templateId) {
		Map<Long, Question> m = new LinkedHashMap<>();
		get(templateId).questions().forEach(q -> m.put(q.id(), q));
		return m;
	}
}
