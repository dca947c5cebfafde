package com.kcm.audit;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.kcm.shared.sql.Inserts;
import com.kcm.shared.sql.Row;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit trail. Changes are recorded inside the caller's transaction, so a change and its
 * entry commit or roll back together; denied access and personal-data views get their own transaction,
 * so they stay recorded even when the request then fails.
 */
@Service
public class Audit {

	public static final String CREATE = "CREATE";
	public static final String UPDATE = "UPDATE";
	public static final String DELETE = "DELETE";
	public static final String LOGIN = "LOGIN";
	public static final String LOGIN_FAILED = "LOGIN_FAILED";
	public static final String ACCESS_DENIED = "ACCESS_DENIED";
	public static final String NOT_VISIBLE = "NOT_VISIBLE";
	public static final String PERSONAL_DATA_VIEWED = "PERSONAL_DATA_VIEWED";
	public static final String EXPORT = "EXPORT";
	public static final String IMPORT = "IMPORT";
	/** Personal data anonymised by the retention job (a count, never the data). */
	public static final String ANONYMISE = "ANONYMISE";

	private final AuditRepository entries;
	private final JsonMapper json;
	private final Clock clock;
	private final JdbcClient jdbc;

	Audit(AuditRepository entries, JsonMapper json, Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * One entry of the trail as a value, not yet written: when, who, what was done to which record, the
	 * snapshots before and after as JSON, from where. {@link #entry} builds the one {@link #changed} would write,
	 * for a caller that writes it together with its own rows in the same transaction and the same database round
	 * trip ({@link Inserts}, which maps it to its row in this module: {@code AuditRows}): for a path that runs for
	 * every request.
	 */
	public record Entry(Instant at, String actor, String action, String entityType, String entityId, String detail,
			String beforeState, String afterState, String remoteAddr) implements Row {
	}

	/** The entry of a change, stamped now with the caller and its address: what {@link #changed} writes. */
	public Entry entry(String action, String entityType, Object entityId, Object before, Object after) {
		return entry(actor(), action, entityType, entityId, null, before, after);
	}

	/** A change of a record: before and after are snapshots (maps or records), either may be null. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(String action, String entityType, Object entityId, Object before, Object after) {
		write(actor(), action, entityType, entityId, null, before, after);
	}

	/** An event that is not a change of one record (an import, an export). */
	@Transactional
	public void event(String action, String entityType, Object entityId, String detail) {
		write(actor(), action, entityType, entityId, detail, null, null);
	}

	/** The caller's role does not allow the request. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void accessDenied(String what) {
		write(actor(), ACCESS_DENIED, null, null, what, null, null);
	}

	/** The caller asked for a record outside its scope; it was answered 404. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void notVisible(String entityType, Object entityId) {
		write(actor(), NOT_VISIBLE, entityType, entityId, null, null, null);
	}

	/** A phone or ID number was shown in full. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void personalDataViewed(String entityType, Object entityId, String fields) {
		write(actor(), PERSONAL_DATA_VIEWED, entityType, entityId, fields, null, null);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onLogin(AuthenticationSuccessEvent event) {
		write(event.getAuthentication().getName(), LOGIN, "user", null, null, null, null);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onFailedLogin(AbstractAuthenticationFailureEvent event) {
		write(event.getAuthentication().getName(), LOGIN_FAILED, "user", null,
				event.getException().getClass().getSimpleName(), null, null);
	}

	@Transactional(readOnly = true)
	public Page<Entry> search(AuditQuery q, Pageable pageable) {
		Specification<AuditEntry> spec = Specification.unrestricted();
		spec = equal(spec, "actor", blank(q.actor()));
		spec = equal(spec, "action", blank(q.action()));
		spec = equal(spec, "entityType", blank(q.entityType()));
		spec = equal(spec, "entityId", blank(q.entityId()));
		if (q.from() != null) {
			spec = spec.and((r, cq, cb) -> cb.greaterThanOrEqualTo(r.get("at"), q.from()));
		}
		if (q.to() != null) {
			spec = spec.and((r, cq, cb) -> cb.lessThan(r.get("at"), q.to()));
		}
		return entries.findAll(spec, pageable).map(AuditEntry::entry);
	}

	/** How many entries of each of {@code actions} were written from {@code from} (inclusive) to {@code to}. */
	@Transactional(readOnly = true)
	public java.util.Map<String, Long> countByAction(java.util.Collection<String> actions, Instant from, Instant to) {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		actions.forEach(a -> counts.put(a, 0L));
		if (!actions.isEmpty()) {
			jdbc.sql("select action, count(*) as n from audit_entry where action in (:actions) and at >= :from and at < :to "
					+ "group by action").param("actions", actions).param("from", ts(from)).param("to", ts(to))
					.query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list()
					.forEach(e -> counts.put(e.getKey(), e.getValue()));
		}
		return counts;
	}

	/** Who did the most of {@code actions} in the period: actor, action and count, most first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public java.util.List<ActorCount> topActors(java.util.Collection<String> actions, Instant from, Instant to, int limit) {
		if (actions.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql("select actor, action, count(*) as n from audit_entry where action in (:actions) and at >= :from "
				+ "and at < :to group by actor, action order by n desc, actor, action fetch first " + Math.max(limit, 1)
				+ " rows only").param("actions", actions).param("from", ts(from)).param("to", ts(to))
				.query((rs, i) -> new ActorCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
	}

	/** When the first entry of the trail was written (empty on an empty trail). */
	@Transactional(readOnly = true)
	public java.util.Optional<Instant> firstEntryAt() {
		return jdbc.sql("select min(at) from audit_entry").query(java.sql.Timestamp.class).list().stream()
				.filter(java.util.Objects::nonNull).findFirst().map(java.sql.Timestamp::toInstant);
	}

	/** One line of {@link #topActors}. */
	public record ActorCount(String actor, String action, long count) {
	}

	private static java.sql.Timestamp ts(Instant i) {
		return java.sql.Timestamp.from(i);
	}

	private static Specification<AuditEntry> equal(Specification<AuditEntry> spec, String attribute, String value) {
		return value == null ? spec : spec.and((r, cq, cb) -> cb.equal(r.get(attribute), value));
	}

	private void write(String actor, String action, String entityType, Object entityId, String detail, Object before,
			Object after) {
		entries.save(new AuditEntry(entry(actor, action, entityType, entityId, detail, before, after)));
	}

	private Entry entry(String actor, String action, String entityType, Object entityId, String detail, Object before,
			Object after) {
		return new Entry(clock.instant(), actor, action, entityType, entityId == null ? null : String.valueOf(entityId),
				detail, toJson(before), toJson(after), remoteAddr());
	}

	private String toJson(Object o) {
		return o == null ? null : json.writeValueAsString(o);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null ? "system" : auth.getName();
	}

	private static String remoteAddr() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes sra) {
			HttpServletRequest req = sra.getRequest();
			return req.getRemoteAddr();
		}
		return null;
	}
}
