package com.kcm.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;

/**
 * The privacy duties for integrations (SPEC §10): access-log reviews ({@code ADMIN}), the breach register
 * ({@code ADMIN}, {@code AFTER_SALES_MANAGER}) and decisions on export requests (approvers), with the same rules
 * as the pages. Instants are ISO-8601 with offset; a local date-time is read in Asia/Shanghai.
 */
@RestController
@RequestMapping("/api/v1")
class PrivacyApi {

	private final AccessReviews reviews;
	private final Breaches breaches;
	private final ExportApprovals approvals;

	PrivacyApi(AccessReviews reviews, Breaches breaches, ExportApprovals approvals) {
		this.reviews = reviews;
		this.breaches = breaches;
		this.approvals = approvals;
	}

	// ---- access-log reviews ----------------------------------------------------------------------

	@GetMapping("/access-reviews")
	@PreAuthorize("hasRole('ADMIN')")
	List<Map<String, Object>> reviews() {
		return reviews.overview().stream().map(PrivacyApi::month).toList();
	}

	@GetMapping("/access-reviews/{month}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> review(@PathVariable String month) {
		YearMonth m = yearMonth(month);
		Map<String, Object> body = month(reviews.month(m));
		AccessReviews.Summary s = reviews.summary(m);
		body.put("counts", s.counts());
		body.put("actors", s.actors().stream().map(a -> Map.of("actor", a.actor(), "action", a.action(), "count", a.count()))
				.toList());
		return body;
	}

	record SignOff(String findings) {
	}

	@PostMapping("/access-reviews/{month}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> signOff(@PathVariable String month, @RequestBody SignOff body) {
		YearMonth m = yearMonth(month);
		reviews.signOff(m, body.findings());
		return month(reviews.month(m));
	}

	// ---- breaches ---------------------------------------------------------------------------------

	@GetMapping("/breaches")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> breaches(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<Breach> p = breaches.list(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Direction.DESC, "foundAt", "id")));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", p.getContent().stream().map(this::breach).toList());
		m.put("page", p.getNumber());
		m.put("size", p.getSize());
		m.put("total", p.getTotalElements());
		return m;
	}

	@GetMapping("/breaches/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> breach(@PathVariable long id) {
		Map<String, Object> m = breach(breaches.get(id));
		m.put("actions", breaches.actions(id).stream()
				.map(a -> Map.of("at", local(a.getAt()), "actor", a.getActor(), "text", a.getText())).toList());
		return m;
	}

	record NewBreach(String title, String description, List<String> dataKinds, Integer affectedCount,
			String affectedDescription, String occurredAt, String foundAt) {
	}

	@PostMapping("/breaches")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> record(@RequestBody NewBreach b) {
		long id = breaches.record(new Breaches.Command(b.title(), b.description(), b.dataKinds(),
				b.affectedCount() == null ? null : String.valueOf(b.affectedCount()), b.affectedDescription(),
				localText(b.occurredAt()), localText(b.foundAt())));
		return breach(id);
	}

	record Notice(String audience, String at, String whom) {
	}

	@PostMapping("/breaches/{id}/notices")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> notice(@PathVariable long id, @RequestBody Notice n) {
		breaches.told(id, n.audience(), localText(n.at()), n.whom());
		return breach(id);
	}

	record Text(String text) {
	}

	@PostMapping("/breaches/{id}/waive-persons")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> waive(@PathVariable long id, @RequestBody Text t) {
		breaches.waivePersons(id, t.text());
		return breach(id);
	}

	@PostMapping("/breaches/{id}/actions")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> action(@PathVariable long id, @RequestBody Text t) {
		breaches.addAction(id, t.text());
		return breach(id);
	}

	@PostMapping("/breaches/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> close(@PathVariable long id, @RequestBody Text t) {
		breaches.close(id, t.text());
		return breach(id);
	}

	// ---- export requests --------------------------------------------------------------------------

	@GetMapping("/export-requests")
	Map<String, Object> exportRequests() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("pending", approvals.pending(PageRequest.of(0, 200, Sort.by("requestedAt", "id"))).getContent().stream()
				.map(PrivacyApi::export).toList());
		m.put("mine", approvals.mine(PageRequest.of(0, 200, Sort.by(Sort.Direction.DESC, "requestedAt", "id"))).getContent()
				.stream().map(PrivacyApi::export).toList());
		return m;
	}

	@GetMapping("/export-requests/{id}")
	Map<String, Object> exportRequest(@PathVariable long id) {
		return export(approvals.get(id));
	}

	record Decision(String note) {
	}

	@PostMapping("/export-requests/{id}/approve")
	Map<String, Object> approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
		approvals.approve(id, d == null ? null : d.note());
		return export(approvals.get(id));
	}

	@PostMapping("/export-requests/{id}/reject")
	Map<String, Object> reject(@PathVariable long id, @RequestBody(required = false) Decision d) {
		approvals.reject(id, d == null ? null : d.note());
		return export(approvals.get(id));
	}

	// ---- views ------------------------------------------------------------------------------------

	private static Map<String, Object> month(AccessReviews.Month m) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("month", m.month().toString());
		body.put("dueOn", m.dueOn().toString());
		body.put("running", m.running());
		body.put("overdue", m.overdue());
		if (m.review() != null) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("id", m.review().id());
			r.put("reviewedBy", m.review().reviewedBy());
			r.put("reviewedAt", local(m.review().reviewedAt()));
			r.put("findings", m.review().findings());
			r.put("counts", m.review().counts());
			body.put("review", r);
		} else {
			body.put("review", null);
		}
		return body;
	}

	private Map<String, Object> breach(Breach b) {
		Instant now = breaches.now();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", b.getId());
		m.put("title", b.getTitle());
		m.put("description", b.getDescription());
		m.put("dataKinds", List.of(b.getDataKinds().split(",")));
		m.put("affectedCount", b.getAffectedCount());
		m.put("affectedDescription", b.getAffectedDescription());
		m.put("occurredAt", local(b.getOccurredAt()));
		m.put("foundAt", local(b.getFoundAt()));
		m.put("status", b.getStatus().name());
		m.put("overdue", b.overdue(now));
		m.put("internal", notice(b.getInternalDueAt(), b.getInternalToldAt(), b.getInternalToldWhom(), b.internalOverdue(now)));
		m.put("regulator", notice(b.getRegulatorDueAt(), b.getRegulatorToldAt(), b.getRegulatorToldWhom(),
				b.regulatorOverdue(now)));
		Map<String, Object> persons = notice(b.getPersonsDueAt(), b.getPersonsToldAt(), b.getPersonsToldHow(),
				b.personsOverdue(now));
		persons.put("waivedReason", b.getPersonsWaivedReason());
		m.put("persons", persons);
		m.put("closeDueAt", local(b.getCloseDueAt()));
		m.put("closedAt", local(b.getClosedAt()));
		m.put("closedBy", b.getClosedBy());
		m.put("closureSummary", b.getClosureSummary());
		return m;
	}

	private static Map<String, Object> notice(Instant due, Instant told, String whom, boolean overdue) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dueAt", local(due));
		m.put("toldAt", local(told));
		m.put("whom", whom);
		m.put("overdue", overdue);
		return m;
	}

	private static Map<String, Object> export(ExportApprovals.View v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", v.id());
		m.put("kind", v.kind());
		m.put("parameters", v.parameters());
		m.put("rows", v.rows());
		m.put("requestedBy", v.requestedBy());
		m.put("requestedAt", local(v.requestedAt()));
		m.put("reason", v.reason());
		m.put("status", v.status());
		m.put("decidedBy", v.decidedBy());
		m.put("decidedAt", local(v.decidedAt()));
		m.put("decisionNote", v.decisionNote());
		m.put("downloadedAt", local(v.downloadedAt()));
		m.put("releaseUntil", local(v.releaseUntil()));
		return m;
	}

	private static String local(Instant i) {
		return i == null ? null : i.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString();
	}

	/** An instant with offset as the local date-time of the business zone (what the service reads); else as given. */
	private static String localText(String s) {
		if (s == null || s.isBlank()) {
			return s;
		}
		try {
			return OffsetDateTime.parse(s.strip()).atZoneSameInstant(TimeConfig.BUSINESS_ZONE).toLocalDateTime().toString();
		} catch (DateTimeParseException e) {
			return s;
		}
	}

	private static YearMonth yearMonth(String month) {
		try {
			return YearMonth.parse(month);
		} catch (DateTimeParseException e) {
			throw new NotFoundException("month", month);
		}
	}
}
