package com.kcm.privacy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * Second approval of personal-data exports (SPEC §8): an export of more rows than {@code EXPORT_APPROVAL_ROWS}
 * (policy) is not written at once but recorded as a request with its parameters; another user holding
 * {@code AFTER_SALES_MANAGER} or {@code CS_SUPERVISOR} (or the administrator) approves or rejects it — never
 * the requester — and the requester then downloads it once, within {@link #RELEASE_PERIOD} of the approval.
 * The module that owns the export writes the file from the released parameters, in the requester's scope.
 */
@Service
public class ExportApprovals {

	/** How long an approved export stays downloadable. */
	public static final Duration RELEASE_PERIOD = Duration.ofHours(24);
	static final String TYPE = "export_request";

	private final ExportRequestRepository requests;
	private final Policies policies;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	ExportApprovals(ExportRequestRepository requests, Policies policies, CurrentUsers users, Audit audit, Clock clock) {
		this.requests = requests;
		this.policies = policies;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** An export request as the pages show it. */
	public record View(long id, String kind, Map<String, String> parameters, long rows, String requestedBy,
			Instant requestedAt, String reason, String status, String decidedBy, Instant decidedAt, String decisionNote,
			Instant downloadedAt, Instant releaseUntil, boolean downloadable, boolean mayDecide, boolean mine) {
	}

	/** The row threshold in force now: more rows than this need a second approver. */
	public int threshold() {
		return policies.intAt(PolicyName.EXPORT_APPROVAL_ROWS, clock.instant());
	}

	public boolean needsApproval(long rows) {
		return rows > threshold();
	}

	/** Records an export of {@code rows} rows for a second approver; returns the request's id. */
	@Transactional
	public long request(String kind, Map<String, String> parameters, long rows, String reason) {
		Violations v = new Violations();
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			v.field("reason", "error.required");
		} else if (why.length() > 500) {
			v.field("reason", "privacy.tooLong", 500);
		}
		v.throwIfAny();
		ExportRequest r = requests.save(new ExportRequest(kind, encode(parameters), rows, users.current().username(),
				why, clock.instant()));
		audit.changed(Audit.CREATE, TYPE, r.getId(), null, snapshot(r));
		return r.getId();
	}

	/** One request, for its requester or an approver; anyone else gets 404 (audited). */
	@Transactional(readOnly = true)
	public View get(long id) {
		ExportRequest r = requests.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
		CurrentUser me = users.current();
		if (!r.getRequestedBy().equals(me.username()) && !approver(me)) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		return view(r, me);
	}

	@Transactional(readOnly = true)
	public Page<View> mine(Pageable pageable) {
		CurrentUser me = users.current();
		return requests.findByRequestedBy(me.username(), pageable).map(r -> view(r, me));
	}

	/** Requests waiting for a decision (approvers only; empty for anyone else). */
	@Transactional(readOnly = true)
	public Page<View> pending(Pageable pageable) {
		CurrentUser me = users.current();
		if (!approver(me)) {
			return Page.empty(pageable);
		}
		return requests.findByStatus(ExportRequest.Status.PENDING, pageable).map(r -> view(r, me));
	}

	@Transactional
	public void approve(long id, String note) {
		decide(id, true, note);
	}

	@Transactional
	public void reject(long id, String note) {
		decide(id, false, note);
	}

	private void decide(long id, boolean approve, String note) {
		CurrentUser me = users.current();
		if (!approver(me)) {
			throw new DomainException("privacy.export.notApprover");
		}
		ExportRequest r = requests.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
		Snapshot before = snapshot(r);
		String n = note == null || note.isBlank() ? null : note.strip();
		if (n != null && n.length() > 500) {
			throw new DomainException("privacy.export.noteTooLong");
		}
		r.decide(approve, me.username(), n, clock.instant());
		requests.flush();
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(r));
	}

	/**
	 * Releases an approved export of {@code kind} to its requester, once: returns the parameters to write it
	 * with and marks it downloaded (audited). Refused for anyone else, before approval, after a download and
	 * after the release period.
	 */
	@Transactional
	public Map<String, String> release(long id, String kind) {
		ExportRequest r = requests.findById(id).filter(x -> x.getKind().equals(kind))
				.orElseThrow(() -> new NotFoundException(TYPE, id));
		CurrentUser me = users.current();
		if (!r.getRequestedBy().equals(me.username())) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		if (!r.releasable(clock.instant(), RELEASE_PERIOD)) {
			throw new DomainException(r.getStatus() == ExportRequest.Status.PENDING ? "privacy.export.waiting"
					: "privacy.export.notReleasable");
		}
		Snapshot before = snapshot(r);
		r.downloaded(clock.instant());
		requests.flush();
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(r));
		return decode(r.getParameters());
	}

	static boolean approver(CurrentUser me) {
		return me.holds(Role.AFTER_SALES_MANAGER) || me.holds(Role.CS_SUPERVISOR);
	}

	private View view(ExportRequest r, CurrentUser me) {
		Instant until = r.getDecidedAt() == null || r.getStatus() == ExportRequest.Status.REJECTED ? null
				: r.getDecidedAt().plus(RELEASE_PERIOD);
		boolean mine = r.getRequestedBy().equals(me.username());
		String status = r.getStatus() == ExportRequest.Status.APPROVED && !r.releasable(clock.instant(), RELEASE_PERIOD)
				? "EXPIRED" : r.getStatus().name();
		return new View(r.getId(), r.getKind(), decode(r.getParameters()), r.getRowCount(), r.getRequestedBy(),
				r.getRequestedAt(), r.getReason(), status, r.getDecidedBy(), r.getDecidedAt(), r.getDecisionNote(),
				r.getDownloadedAt(), until, mine && r.releasable(clock.instant(), RELEASE_PERIOD),
				!mine && approver(me) && r.getStatus() == ExportRequest.Status.PENDING, mine);
	}

	/** What the audit trail keeps of an export request. */
	record Snapshot(String kind, String parameters, long rows, String requestedBy, String reason,
			ExportRequest.Status status, String decidedBy, String decisionNote, Instant downloadedAt) {
	}

	private static Snapshot snapshot(ExportRequest r) {
		return new Snapshot(r.getKind(), r.getParameters(), r.getRowCount(), r.getRequestedBy(), r.getReason(),
				r.getStatus(), r.getDecidedBy(), r.getDecisionNote(), r.getDownloadedAt());
	}

	static String encode(Map<String, String> parameters) {
		return parameters.entrySet().stream().filter(e -> e.getValue() != null)
				.map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
	}

	static Map<String, String> decode(String s) {
		Map<String, String> m = new LinkedHashMap<>();
		if (s == null || s.isEmpty()) {
			return m;
		}
		for (String pair : s.split("&")) {
			int i = pair.indexOf('=');
			m.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
		}
		return m;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
