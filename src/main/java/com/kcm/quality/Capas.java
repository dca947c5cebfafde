package com.kcm.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotEmpty;

import com.kcm.audit.Audit;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.UserContacts;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.jobs.ClusterJobs;
import com.kcm.shared.validation.FieldChecks;
import com.kcm.shared.validation.MaxLength;
import com.kcm.shared.validation.NoControlCharacters;
import com.kcm.shared.validation.Required;

/**
 * Corrective and preventive actions (SPEC §7.7): created with a title, problem statement, one or more linked
 * complaints, an owner (a user) and a due date; {@code OPEN} → {@code IN_PROGRESS} (start) → {@code DONE}
 * (root cause, corrective and preventive action required) → {@code VERIFIED} by a user other than the owner with
 * evidence, or rejected back to {@code IN_PROGRESS} with a reason. Every step is in the action's history and
 * the audit trail; an action not done by its due date is overdue (highlighted) and its owner is e-mailed once.
 */
@Service
class Capas {

	static final String TYPE = "capa";

	private final JdbcClient jdbc;
	private final ComplaintQueries complaints;
	private final UserContacts users;
	private final CurrentUsers current;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final ClusterJobs jobs;
	private final Clock clock;

	Capas(JdbcClient jdbc, ComplaintQueries complaints, UserContacts users, CurrentUsers current, Audit audit,
			ApplicationEventPublisher events, ClusterJobs jobs, Clock clock) {
		this.jdbc = jdbc;
		this.complaints = complaints;
		this.users = users;
		this.current = current;
		this.audit = audit;
		this.events = events;
		this.jobs = jobs;
		this.clock = clock;
	}

	/**
	 * What a user enters to open an action; the owner by username. The texts and the complaints are
	 * {@link FieldChecks}; the owner (looked up in the directory) and the due date after it are checked in
	 * {@link Capas#create}, in the order of the form.
	 */
	record NewCapa(@Required @MaxLength(value = 200, message = "quality.tooLong")
			@NoControlCharacters(message = "quality.controlCharacter") String title,
			@Required @MaxLength(value = 4000, message = "quality.tooLong")
			@NoControlCharacters(message = "quality.controlCharacter") String problem,
			@NotEmpty(message = "quality.capa.complaints") List<Long> complaintIds, String owner, LocalDate dueDate) {
	}

	/** The analysis the owner records (any of them may be updated until done); its checks are {@link FieldChecks}. */
	record Analysis(@MaxLength(value = 4000, message = "quality.tooLong")
			@NoControlCharacters(message = "quality.controlCharacter") String rootCause,
			@MaxLength(value = 4000, message = "quality.tooLong")
			@NoControlCharacters(message = "quality.controlCharacter") String correctiveAction,
			@MaxLength(value = 4000, message = "quality.tooLong")
			@NoControlCharacters(message = "quality.controlCharacter") String preventiveAction) {
	}

	@Transactional
	CapaView create(NewCapa c) {
		Violations v = new Violations();
		v.addAll(FieldChecks.of(c));
		String title = stripped(c.title());
		String problem = stripped(c.problem());
		UserContacts.Contact owner = null;
		if (c.owner() == null || c.owner().isBlank()) {
			v.field("owner", "error.required");
		} else {
			owner = users.byUsername(c.owner()).orElse(null);
			if (owner == null) {
				v.field("owner", "quality.capa.owner.unknown", c.owner());
			}
		}
		if (c.dueDate() == null) {
			v.field("dueDate", "error.required");
		}
		v.throwIfAny();
		Set<Long> ids = new LinkedHashSet<>(c.complaintIds());
		ids.forEach(complaints::requireVisible);
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into capa (title, problem, owner_user_id, owner_name, due_date, status, created_by, created_at, updated_at)
				values (:title, :problem, :owner, :ownerName, :due, 'OPEN', :by, :now, :now)""")
				.param("title", title).param("problem", problem).param("owner", owner.userId())
				.param("ownerName", owner.displayName()).param("due", c.dueDate()).param("by", actor())
				.param("now", RepairOrderStore.utc(now)).update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long complaintId : ids) {
			jdbc.sql("insert into capa_complaint (capa_id, complaint_id) values (:c, :k)").param("c", id)
					.param("k", complaintId).update();
		}
		event(id, "CREATED", null, "OPEN", null, now);
		CapaView after = get(id);
		audit.changed(Audit.CREATE, TYPE, id, null, snapshot(after));
		return after;
	}

	@Transactional
	CapaView start(long id) {
		return move(id, "START", "OPEN", "IN_PROGRESS", null, null);
	}

	@Transactional
	CapaView analyse(long id, Analysis a) {
		CapaView before = get(id);
		if (!before.status().equals("OPEN") && !before.status().equals("IN_PROGRESS")) {
			throw new DomainException("quality.capa.transition", before.status(), "ANALYSE");
		}
		Violations v = new Violations();
		v.addAll(FieldChecks.of(a));
		v.throwIfAny();
		String root = stripped(a.rootCause());
		String corrective = stripped(a.correctiveAction());
		String preventive = stripped(a.preventiveAction());
		jdbc.sql("update capa set root_cause = :r, corrective_action = :c, preventive_action = :p, updated_at = :now where id = :id")
				.param("r", root).param("c", corrective).param("p", preventive)
				.param("now", RepairOrderStore.utc(clock.instant())).param("id", id).update();
		CapaView after = get(id);
		audit.changed(Audit.UPDATE, TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	@Transactional
	CapaView done(long id) {
		CapaView c = get(id);
		Violations v = new Violations();
		if (c.rootCause() == null) {
			v.field("rootCause", "error.required");
		}
		if (c.correctiveAction() == null) {
			v.field("correctiveAction", "error.required");
		}
		if (c.preventiveAction() == null) {
			v.field("preventiveAction", "error.required");
		}
		v.throwIfAny();
		return move(id, "DONE", "IN_PROGRESS", "DONE", null, null);
	}

	/** Verification by a user other than the owner, with evidence. */
	@Transactional
	CapaView verify(long id, String evidence) {
		CapaView c = get(id);
		if (current.current().id() == c.ownerUserId()) {
			throw new DomainException("quality.capa.verifyOwn");
		}
		Violations v = new Violations();
		String e = text(evidence, "evidence", 4000, true, v);
		v.throwIfAny();
		return move(id, "VERIFY", "DONE", "VERIFIED", e, e);
	}

	/** Verification refused (a user other than the owner, with the reason): back to work. */
	@Transactional
	CapaView reject(long id, String reason) {
		CapaView c = get(id);
		if (current.current().id() == c.ownerUserId()) {
			throw new DomainException("quality.capa.verifyOwn");
		}
		Violations v = new Violations();
		String r = text(reason, "reason", 4000, true, v);
		v.throwIfAny();
		return move(id, "REJECT", "DONE", "IN_PROGRESS", r, null);
	}

	private CapaView move(long id, String action, String from, String to, String note, String evidence) {
		CapaView before = get(id);
		if (!before.status().equals(from)) {
			throw new DomainException("quality.capa.transition", before.status(), action);
		}
		Instant now = clock.instant();
		if ("VERIFIED".equals(to)) {
			jdbc.sql("update capa set status = :to, evidence = :e, verified_by = :by, verified_at = :now, updated_at = :now where id = :id")
					.param("to", to).param("e", evidence).param("by", actor()).param("now", RepairOrderStore.utc(now))
					.param("id", id).update();
		} else {
			jdbc.sql("update capa set status = :to, updated_at = :now where id = :id").param("to", to)
					.param("now", RepairOrderStore.utc(now)).param("id", id).update();
		}
		event(id, action, from, to, note, now);
		CapaView after = get(id);
		audit.changed(Audit.UPDATE, TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	private void event(long id, String action, String from, String to, String note, Instant at) {
		jdbc.sql("insert into capa_event (capa_id, action, from_status, to_status, note, actor, at) values (:c, :a, :f, :t, :n, :by, :at)")
				.param("c", id).param("a", action).param("f", from).param("t", to).param("n", note).param("by", actor())
				.param("at", RepairOrderStore.utc(at)).update();
	}

	private String actor() {
		return current.current().username();
	}

	@Transactional(readOnly = true)
	CapaView get(long id) {
		List<CapaView> list = load("where c.id = :id", new MapSqlParameterSource("id", id), 0, 1);
		if (list.isEmpty()) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		return list.get(0);
	}

	/** The actions, open ones first (overdue first among them), then by due date; {@code status} null for all. */
	@Transactional(readOnly = true)
	Page<CapaView> list(String status, Pageable page) {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String where = "";
		if (status != null && !status.isBlank()) {
			where = "where c.status = :status";
			p.addValue("status", status);
		}
		long total = jdbc.sql("select count(*) from capa c " + where).paramSource(p).query(Long.class).single();
		return new PageImpl<>(total == 0 ? List.of() : load(where, p, page.getOffset(), page.getPageSize()), page, total);
	}

	/** The actions linked to a complaint (for its page). */
	@Transactional(readOnly = true)
	List<CapaView> ofComplaint(long complaintId) {
		return load("where c.id in (select capa_id from capa_complaint where complaint_id = :k)", new MapSqlParameterSource("k", complaintId), 0, 100);
	}

	private List<CapaView> load(String where, MapSqlParameterSource params, long offset, int limit) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		List<Object[]> rows = jdbc.sql("select c.* from capa c " + where
				+ " order by case when c.status = 'VERIFIED' then 1 else 0 end, c.due_date, c.id"
				+ " offset :offset rows fetch next :limit rows only")
				.paramSource(new MapSqlParameterSource(params.getValues()).addValue("offset", offset).addValue("limit", limit))
				.query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
		Map<Long, List<Long>> linked = new HashMap<>();
		jdbc.sql("select capa_id, complaint_id from capa_complaint where capa_id in (:ids) order by complaint_id")
				.param("ids", ids).query(rs -> {
					linked.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		Map<Long, List<CapaView.Event>> history = new HashMap<>();
		jdbc.sql("select * from capa_event where capa_id in (:ids) order by at, id").param("ids", ids).query(rs -> {
			history.computeIfAbsent(rs.getLong("capa_id"), k -> new ArrayList<>())
					.add(new CapaView.Event(rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"),
							rs.getString("note"), rs.getString("actor"), RepairOrderStore.instant(rs, "at")));
		});
		List<CapaView> out = new ArrayList<>();
		for (Object[] r : rows) {
			long id = (Long) r[0];
			LocalDate due = (LocalDate) r[5];
			String status = (String) r[9];
			boolean overdue = today.isAfter(due) && !status.equals("DONE") && !status.equals("VERIFIED");
			out.add(new CapaView(id, (String) r[1], (String) r[2], (Long) r[3], (String) r[4], due, (String) r[6],
					(String) r[7], (String) r[8], status, (String) r[10], (String) r[11], (Instant) r[12],
					linked.getOrDefault(id, List.of()), overdue, history.getOrDefault(id, List.of())));
		}
		return out;
	}

	private static Object[] row(ResultSet rs) throws SQLException {
		return new Object[] { rs.getLong("id"), rs.getString("title"), rs.getString("problem"), rs.getLong("owner_user_id"),
				rs.getString("owner_name"), rs.getObject("due_date", LocalDate.class), rs.getString("root_cause"),
				rs.getString("corrective_action"), rs.getString("preventive_action"), rs.getString("status"),
				rs.getString("evidence"), rs.getString("verified_by"), RepairOrderStore.instant(rs, "verified_at") };
	}

	/** A checked text as it is kept: stripped, null when blank. */
	private static String stripped(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String text(String s, String field, int max, boolean required, Violations v) {
		if (s == null || s.isBlank()) {
			if (required) {
				v.field(field, "error.required");
			}
			return null;
		}
		String t = s.strip();
		if (t.length() > max) {
			v.field(field, "quality.tooLong", max);
		}
		if (t.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
			v.field(field, "quality.controlCharacter");
		}
		return t;
	}

	/** What the audit trail keeps of a CAPA. */
	record Snapshot(String title, String problem, String owner, String dueDate, List<Long> complaintIds,
			String rootCause, String correctiveAction, String preventiveAction, String status, String evidence,
			String verifiedBy) {
	}

	private static Snapshot snapshot(CapaView c) {
		return new Snapshot(c.title(), c.problem(), c.ownerName(), c.dueDate().toString(), c.complaintIds(),
				c.rootCause(), c.correctiveAction(), c.preventiveAction(), c.status(), c.evidence(), c.verifiedBy());
	}

	// ---- overdue ---------------------------------------------------------------------------------

	@Scheduled(cron = "${kcm.jobs.capa-overdue.cron:0 15 8 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		jobs.runExclusively("quality-capa-overdue", Duration.ofMinutes(10), this::notifyOverdue);
	}

	/** Publishes {@link CapaOverdue} for every action past its due date and not done, once each. */
	@Transactional
	public int notifyOverdue() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		List<CapaOverdue> due = jdbc.sql("select id, title, owner_user_id, due_date from capa where status in ('OPEN', 'IN_PROGRESS') "
				+ "and due_date < :today and overdue_notified_at is null order by id fetch first 500 rows only")
				.param("today", today)
				.query((rs, n) -> new CapaOverdue(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getObject(4, LocalDate.class)))
				.list();
		for (CapaOverdue o : due) {
			jdbc.sql("update capa set overdue_notified_at = :now where id = :id")
					.param("now", RepairOrderStore.utc(clock.instant())).param("id", o.capaId()).update();
			events.publishEvent(o);
		}
		return due.size();
	}
}
