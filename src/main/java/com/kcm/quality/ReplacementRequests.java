package com.kcm.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.calendar.BusinessCalendar;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.jobs.ClusterJobs;

/**
 * Art. 28 replacement and refund requests on complaints (SPEC §7.8): recording one sets the answer deadline
 * (10 working days) and the completion deadline (20 working days) by the business calendar's working-day rule;
 * answering and completing are recorded once each; a sweep (with the work-order sweep's schedule and warning
 * lead) publishes {@link ReplacementRequestDue} once per request, deadline and alert. Audited.
 */
@Service
class ReplacementRequests {

	static final String TYPE = "replacement_request";
	static final int ANSWER_DAYS = 10;
	static final int COMPLETION_DAYS = 20;

	private final JdbcClient jdbc;
	private final ComplaintQueries complaints;
	private final BusinessCalendar calendar;
	private final CurrentUsers users;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;
	private final Duration warnBefore;

	ReplacementRequests(JdbcClient jdbc, ComplaintQueries complaints, BusinessCalendar calendar, CurrentUsers users,
			Audit audit, ApplicationEventPublisher events, ClusterJobs jobs, Clock clock,
			@Value("${kcm.jobs.deadline-sweep.warn-before:2h}") Duration warnBefore) {
		this.jdbc = jdbc;
		this.complaints = complaints;
		this.calendar = calendar;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
		this.warnBefore = warnBefore;
	}

	/** Records a request on a visible complaint; {@code requestedAt} null means now. */
	@Transactional
	ReplacementRequestView record(long complaintId, String kind, Instant requestedAt) {
		complaints.requireVisible(complaintId);
		if (!"REPLACEMENT".equals(kind) && !"REFUND".equals(kind)) {
			throw ValidationException.of("kind", "quality.request.kind");
		}
		Instant now = clock.instant();
		Instant at = requestedAt == null ? now : requestedAt;
		if (at.isAfter(now)) {
			throw ValidationException.of("requestedAt", "quality.request.future");
		}
		Instant answerDue = calendar.workingDayDeadline(at, ANSWER_DAYS).at();
		Instant completionDue = calendar.workingDayDeadline(at, COMPLETION_DAYS).at();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into replacement_request (complaint_id, kind, requested_at, answer_due_at, completion_due_at,
				  recorded_by, created_at) values (:c, :kind, :at, :answer, :completion, :by, :now)""")
				.param("c", complaintId).param("kind", kind).param("at", RepairOrderStore.utc(at))
				.param("answer", RepairOrderStore.utc(answerDue)).param("completion", RepairOrderStore.utc(completionDue))
				.param("by", users.current().username()).param("now", RepairOrderStore.utc(now)).update(keys, "id");
		long id = keys.getKey().longValue();
		ReplacementRequestView v = load(id);
		audit.changed(Audit.CREATE, TYPE, id, null, snapshot(v));
		return v;
	}

	@Transactional
	ReplacementRequestView answer(long id, String answer) {
		ReplacementRequestView before = visible(id);
		if (before.answeredAt() != null) {
			throw new DomainException("quality.request.answered");
		}
		if (answer == null || answer.isBlank()) {
			throw ValidationException.of("answer", "error.required");
		}
		if (answer.strip().length() > 1000) {
			throw ValidationException.of("answer", "quality.tooLong", 1000);
		}
		jdbc.sql("update replacement_request set answered_at = :now, answer = :a where id = :id")
				.param("now", RepairOrderStore.utc(clock.instant())).param("a", answer.strip()).param("id", id).update();
		ReplacementRequestView after = load(id);
		audit.changed(Audit.UPDATE, TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	@Transactional
	ReplacementRequestView complete(long id) {
		ReplacementRequestView before = visible(id);
		if (before.completedAt() != null) {
			throw new DomainException("quality.request.completed");
		}
		Instant now = clock.instant();
		jdbc.sql("update replacement_request set completed_at = :now, answered_at = coalesce(answered_at, :now) where id = :id")
				.param("now", RepairOrderStore.utc(now)).param("id", id).update();
		ReplacementRequestView after = load(id);
		audit.changed(Audit.UPDATE, TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	/** The requests of a visible complaint, oldest first. */
	@Transactional(readOnly = true)
	List<ReplacementRequestView> ofComplaint(long complaintId) {
		complaints.requireVisible(complaintId);
		Instant now = clock.instant();
		return jdbc.sql("select * from replacement_request where complaint_id = :c order by requested_at, id")
				.param("c", complaintId).query((rs, n) -> view(rs, now)).list();
	}

	private ReplacementRequestView visible(long id) {
		ReplacementRequestView v = jdbc.sql("select * from replacement_request where id = :id").param("id", id)
				.query((rs, n) -> view(rs, clock.instant())).optional().orElse(null);
		if (v == null) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		complaints.requireVisible(v.complaintId());
		return v;
	}

	private ReplacementRequestView load(long id) {
		return jdbc.sql("select * from replacement_request where id = :id").param("id", id)
				.query((rs, n) -> view(rs, clock.instant())).single();
	}

	private static ReplacementRequestView view(ResultSet rs, Instant now) throws SQLException {
		Instant answerDue = RepairOrderStore.instant(rs, "answer_due_at");
		Instant completionDue = RepairOrderStore.instant(rs, "completion_due_at");
		Instant answered = RepairOrderStore.instant(rs, "answered_at");
		Instant completed = RepairOrderStore.instant(rs, "completed_at");
		return new ReplacementRequestView(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("kind"),
				RepairOrderStore.instant(rs, "requested_at"), answerDue, completionDue, answered, rs.getString("answer"),
				completed, answered == null && now.isAfter(answerDue), completed == null && now.isAfter(completionDue));
	}

	/** What the audit trail keeps of a replacement request (instants as text). */
	record Snapshot(long complaintId, String kind, String requestedAt, String answerDueAt, String completionDueAt,
			String answeredAt, String answer, String completedAt) {
	}

	private static Snapshot snapshot(ReplacementRequestView v) {
		return new Snapshot(v.complaintId(), v.kind(), v.requestedAt().toString(), v.answerDueAt().toString(),
				v.completionDueAt().toString(), v.answeredAt() == null ? null : v.answeredAt().toString(), v.answer(),
				v.completedAt() == null ? null : v.completedAt().toString());
	}

	// ---- warnings ------------------------------------------------------------------------------------

	@Scheduled(cron = "${kcm.jobs.deadline-sweep.cron:0 */5 * * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively("quality-replacement-request-sweep", Duration.ofMinutes(15), this::sweep);
	}

	/** Publishes the due-soon and overdue alerts of open requests, each once; returns how many. */
	@Transactional
	public int sweep() {
		Instant now = clock.instant();
		Instant soon = now.plus(warnBefore);
		int n = 0;
		n += alert("answer", "answered_at", "answer_due_at", "answer_overdue_at", "ANSWER", true, now, now);
		n += alert("answer", "answered_at", "answer_due_at", "answer_soon_at", "ANSWER", false, soon, now);
		n += alert("completion", "completed_at", "completion_due_at", "completion_overdue_at", "COMPLETION", true, now, now);
		n += alert("completion", "completed_at", "completion_due_at", "completion_soon_at", "COMPLETION", false, soon, now);
		return n;
	}

	private int alert(String what, String doneColumn, String dueColumn, String sentColumn, String deadline,
			boolean overdue, Instant before, Instant now) {
		List<ReplacementRequestDue> due = jdbc.sql("select id, complaint_id, kind, " + dueColumn + " as due_at "
				+ "from replacement_request where " + doneColumn + " is null and " + sentColumn + " is null and "
				+ dueColumn + (overdue ? " <= :before" : " < :before") + " order by id fetch first 500 rows only")
				.param("before", RepairOrderStore.utc(before))
				.query((rs, i) -> new ReplacementRequestDue(rs.getLong("id"), rs.getLong("complaint_id"),
						rs.getString("kind"), deadline, RepairOrderStore.instant(rs, "due_at"), overdue))
				.list();
		for (ReplacementRequestDue d : due) {
			jdbc.sql("update replacement_request set " + sentColumn + " = :now where id = :id")
					.param("now", RepairOrderStore.utc(now)).param("id", d.requestId()).update();
			if (!overdue && !d.dueAt().isAfter(now)) {
				continue; // already overdue: the overdue alert says it
			}
			events.publishEvent(d);
		}
		return due.size();
	}

	static OffsetDateTime utc(Instant t) {
		return RepairOrderStore.utc(t);
	}
}
