package com.kcm.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUsers;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * The breach workflow (信息泄露, SPEC §8, PIPL Art. 57): record an incident, tell the data-protection officer
 * and management, the regulator and the affected persons (or record why the persons need not be told), log
 * the actions taken, close it. Deadlines counted from the finding by the {@code BREACH_*} policies in force
 * then; every step is audited.
 */
@Service
class Breaches {

	static final String TYPE = "breach";
	static final List<String> DATA_KINDS = List.of("NAME", "PHONE", "ID_NUMBER", "ADDRESS", "VEHICLE", "COMPLAINT",
			"OTHER");

	private final BreachRepository breaches;
	private final BreachActionRepository actions;
	private final Policies policies;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	Breaches(BreachRepository breaches, BreachActionRepository actions, Policies policies, CurrentUsers users,
			Audit audit, Clock clock) {
		this.breaches = breaches;
		this.actions = actions;
		this.policies = policies;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	record Command(String title, String description, List<String> dataKinds, String affectedCount,
			String affectedDescription, String occurredAt, String foundAt) {
	}

	/** Records an incident with its deadlines; returns its id. */
	@Transactional
	long record(Command c) {
		Violations v = new Violations();
		Instant now = clock.instant();
		String title = text(c.title(), "title", 200, true, v);
		String description = text(c.description(), "description", 4000, true, v);
		List<String> kinds = c.dataKinds() == null ? List.of() : c.dataKinds().stream().filter(k -> k != null && !k.isBlank())
				.map(String::strip).distinct().toList();
		if (kinds.isEmpty()) {
			v.field("dataKinds", "error.required");
		} else if (!DATA_KINDS.containsAll(kinds)) {
			v.field("dataKinds", "privacy.breach.unknownKind");
		}
		Integer affected = null;
		if (c.affectedCount() == null || c.affectedCount().isBlank()) {
			v.field("affectedCount", "error.required");
		} else {
			try {
				affected = Integer.valueOf(c.affectedCount().strip());
				if (affected < 0) {
					v.field("affectedCount", "privacy.breach.negative");
				}
			} catch (NumberFormatException e) {
				v.field("affectedCount", "privacy.breach.notANumber");
			}
		}
		String whose = text(c.affectedDescription(), "affectedDescription", 2000, false, v);
		Instant found = instant(c.foundAt(), "foundAt", true, now, v);
		Instant occurred = instant(c.occurredAt(), "occurredAt", false, now, v);
		if (found != null && occurred != null && occurred.isAfter(found)) {
			v.field("occurredAt", "privacy.breach.occurredAfterFound");
		}
		v.throwIfAny();
		Breach b = breaches.saveAndFlush(new Breach(title, description, String.join(",", kinds), affected, whose, occurred,
				found, now, users.current().username(), deadlines(found)));
		audit.changed(Audit.CREATE, TYPE, b.getId(), null, snapshot(b));
		return b.getId();
	}

	/** The deadlines of an incident found at {@code found}, from the policies in force then. */
	Breach.Deadlines deadlines(Instant found) {
		return new Breach.Deadlines(found.plus(Duration.ofHours(policies.intAt(PolicyName.BREACH_INTERNAL_HOURS, found))),
				found.plus(Duration.ofHours(policies.intAt(PolicyName.BREACH_REGULATOR_HOURS, found))),
				found.plus(Duration.ofHours(policies.intAt(PolicyName.BREACH_PERSONS_HOURS, found))),
				found.plus(Duration.ofDays(policies.intAt(PolicyName.BREACH_CLOSURE_DAYS, found))));
	}

	/** Records that {@code audience} was told, when and whom (or how, for the persons). */
	@Transactional
	void told(long id, String audience, String at, String whom) {
		Violations v = new Violations();
		Breach.Audience a = null;
		try {
			a = Breach.Audience.valueOf(audience == null ? "" : audience.strip());
		} catch (IllegalArgumentException e) {
			v.field("audience", "privacy.breach.unknownAudience");
		}
		Breach b = find(id);
		Instant when = instant(at, "toldAt", true, clock.instant(), v);
		if (when != null && when.isBefore(b.getFoundAt())) {
			v.field("toldAt", "privacy.breach.beforeFound");
		}
		String who = text(whom, "toldWhom", 500, true, v);
		v.throwIfAny();
		Breach.Audience target = a;
		change(b, () -> b.told(target, when, who));
	}

	@Transactional
	void waivePersons(long id, String reason) {
		Violations v = new Violations();
		String why = text(reason, "waivedReason", 2000, true, v);
		v.throwIfAny();
		Breach b = find(id);
		change(b, () -> b.waivePersons(why));
	}

	@Transactional
	void addAction(long id, String text) {
		Violations v = new Violations();
		String t = text(text, "action", 2000, true, v);
		v.throwIfAny();
		Breach b = find(id);
		if (b.getStatus() == Breach.Status.CLOSED) {
			throw new com.kcm.shared.domain.DomainException("privacy.breach.closed");
		}
		BreachAction a = actions.saveAndFlush(new BreachAction(id, clock.instant(), users.current().username(), t));
		audit.changed(Audit.CREATE, TYPE + "_action", a.getId(), null, Map.of("breach", id, "text", t));
	}

	@Transactional
	void close(long id, String summary) {
		Violations v = new Violations();
		String s = text(summary, "closureSummary", 4000, true, v);
		v.throwIfAny();
		Breach b = find(id);
		change(b, () -> b.close(s, users.current().username(), clock.instant()));
	}

	@Transactional(readOnly = true)
	Page<Breach> list(Pageable pageable) {
		return breaches.findAll(pageable);
	}

	@Transactional(readOnly = true)
	Breach get(long id) {
		return find(id);
	}

	@Transactional(readOnly = true)
	List<BreachAction> actions(long id) {
		return actions.findByBreachIdOrderByAtAscIdAsc(id);
	}

	/** Incidents not closed with a deadline passed. */
	@Transactional(readOnly = true)
	long overdueCount() {
		Instant now = clock.instant();
		return breaches.findByStatusNot(Breach.Status.CLOSED).stream().filter(b -> b.overdue(now)).count();
	}

	Instant now() {
		return clock.instant();
	}

	private void change(Breach b, Runnable step) {
		Snapshot before = snapshot(b);
		step.run();
		breaches.flush();
		audit.changed(Audit.UPDATE, TYPE, b.getId(), before, snapshot(b));
	}

	private Breach find(long id) {
		return breaches.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
	}

	/** What the audit trail keeps of a breach. */
	record Snapshot(String title, String dataKinds, int affectedCount, Instant foundAt, Breach.Status status,
			Instant internalToldAt, String internalToldWhom, Instant regulatorToldAt, String regulatorToldWhom,
			Instant personsToldAt, String personsToldHow, String personsWaivedReason, Instant closedAt,
			String closureSummary) {
	}

	private static Snapshot snapshot(Breach b) {
		return new Snapshot(b.getTitle(), b.getDataKinds(), b.getAffectedCount(), b.getFoundAt(), b.getStatus(),
				b.getInternalToldAt(), b.getInternalToldWhom(), b.getRegulatorToldAt(), b.getRegulatorToldWhom(),
				b.getPersonsToldAt(), b.getPersonsToldHow(), b.getPersonsWaivedReason(), b.getClosedAt(),
				b.getClosureSummary());
	}

	private static String text(String s, String field, int max, boolean required, Violations v) {
		String t = s == null ? "" : s.strip();
		if (t.isEmpty()) {
			if (required) {
				v.field(field, "error.required");
			}
			return null;
		}
		if (t.length() > max) {
			v.field(field, "privacy.tooLong", max);
		}
		return t;
	}

	/** A local date-time of the form (2026-12-06T09:30, business zone); never in the future. */
	private static Instant instant(String s, String field, boolean required, Instant now, Violations v) {
		if (s == null || s.isBlank()) {
			if (required) {
				v.field(field, "error.required");
			}
			return null;
		}
		try {
			Instant i = LocalDateTime.parse(s.strip()).atZone(TimeConfig.BUSINESS_ZONE).toInstant();
			if (i.isAfter(now)) {
				v.field(field, "privacy.breach.future");
			}
			return i;
		} catch (DateTimeParseException e) {
			v.field(field, "privacy.breach.badInstant");
			return null;
		}
	}
}
