package com.kcm.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kcm.audit.Audit;
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
	List<MonthAnswer> reviews() {
		return reviews.overview().stream().map(PrivacyApi::month).toList();
	}

	@GetMapping("/access-reviews/{month}")
	@PreAuthorize("hasRole('ADMIN')")
	MonthReview review(@PathVariable String month) {
		YearMonth m = yearMonth(month);
		AccessReviews.Summary s = reviews.summary(m);
		return new MonthReview(month(reviews.month(m)), s.counts(), s.actors());
	}

	record SignOff(String findings) {
	}

	@PostMapping("/access-reviews/{month}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	MonthAnswer signOff(@PathVariable String month, @RequestBody SignOff body) {
		YearMonth m = yearMonth(month);
		reviews.signOff(m, body.findings());
		return month(reviews.month(m));
	}

	// ---- breaches ---------------------------------------------------------------------------------

	@GetMapping("/breaches")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	BreachPage breaches(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<Breach> p = breaches.list(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Direction.DESC, "foundAt", "id")));
		return new BreachPage(p.getContent().stream().map(this::breach).toList(), p.getNumber(), p.getSize(),
				p.getTotalElements());
	}

	@GetMapping("/breaches/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	BreachDetail breach(@PathVariable long id) {
		return new BreachDetail(breach(breaches.get(id)), breaches.actions(id).stream()
				.map(a -> new ActionAnswer(local(a.getAt()), a.getActor(), a.getText())).toList());
	}

	record NewBreach(String title, String description, List<String> dataKinds, Integer affectedCount,
			String affectedDescription, String occurredAt, String foundAt) {
	}

	@PostMapping("/breaches")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	@ResponseStatus(HttpStatus.CREATED)
	BreachDetail record(@RequestBody NewBreach b) {
		long id = breaches.record(new Breaches.Command(b.title(), b.description(), b.dataKinds(),
				b.affectedCount() == null ? null : String.valueOf(b.affectedCount()), b.affectedDescription(),
				localText(b.occurredAt()), localText(b.foundAt())));
		return breach(id);
	}

	record Notice(Breach.Audience audience, String at, String whom) {
	}

	@PostMapping("/breaches/{id}/notices")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	BreachDetail notice(@PathVariable long id, @RequestBody Notice n) {
		breaches.told(id, n.audience() == null ? null : n.audience().name(), localText(n.at()), n.whom());
		return breach(id);
	}

	record Text(String text) {
	}

	@PostMapping("/breaches/{id}/waive-persons")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	BreachDetail waive(@PathVariable long id, @RequestBody Text t) {
		breaches.waivePersons(id, t.text());
		return breach(id);
	}

	@PostMapping("/breaches/{id}/actions")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	BreachDetail action(@PathVariable long id, @RequestBody Text t) {
		breaches.addAction(id, t.text());
		return breach(id);
	}

	@PostMapping("/breaches/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	BreachDetail close(@PathVariable long id, @RequestBody Text t) {
		breaches.close(id, t.text());
		return breach(id);
	}

	// ---- export requests --------------------------------------------------------------------------

	@GetMapping("/export-requests")
	ExportLists exportRequests() {
		return new ExportLists(approvals.pending(PageRequest.of(0, 200, Sort.by("requestedAt", "id"))).getContent()
				.stream().map(PrivacyApi::export).toList(),
				approvals.mine(PageRequest.of(0, 200, Sort.by(Sort.Direction.DESC, "requestedAt", "id"))).getContent()
						.stream().map(PrivacyApi::export).toList());
	}

	@GetMapping("/export-requests/{id}")
	ExportAnswer exportRequest(@PathVariable long id) {
		return export(approvals.get(id));
	}

	record Decision(String note) {
	}

	@PostMapping("/export-requests/{id}/approve")
	ExportAnswer approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
		approvals.approve(id, d == null ? null : d.note());
		return export(approvals.get(id));
	}

	@PostMapping("/export-requests/{id}/reject")
	ExportAnswer reject(@PathVariable long id, @RequestBody(required = false) Decision d) {
		approvals.reject(id, d == null ? null : d.note());
		return export(approvals.get(id));
	}

	// ---- views ------------------------------------------------------------------------------------

	/** A month of the access-log review; {@code review} is null until it is signed off. */
	record MonthAnswer(String month, String dueOn, boolean running, boolean overdue, ReviewAnswer review) {
	}

	record ReviewAnswer(long id, String reviewedBy, String reviewedAt, String findings, String counts) {
	}

	/** A month with its access counts per action and who did the watched ones most. */
	record MonthReview(@JsonUnwrapped MonthAnswer month, Map<String, Long> counts, List<Audit.ActorCount> actors) {
	}

	record BreachPage(List<BreachAnswer> items, int page, int size, long total) {
	}

	record BreachAnswer(Long id, String title, String description, List<String> dataKinds, int affectedCount,
			String affectedDescription, String occurredAt, String foundAt, Breach.Status status, boolean overdue,
			NoticeAnswer internal, NoticeAnswer regulator, PersonsNotice persons, String closeDueAt, String closedAt,
			String closedBy, String closureSummary) {
	}

	/** One duty to tell: when due, when told and whom, overdue. */
	record NoticeAnswer(String dueAt, String toldAt, String whom, boolean overdue) {
	}

	record PersonsNotice(String dueAt, String toldAt, String whom, boolean overdue, String waivedReason) {
	}

	record BreachDetail(@JsonUnwrapped BreachAnswer breach, List<ActionAnswer> actions) {
	}

	record ActionAnswer(String at, String actor, String text) {
	}

	record ExportLists(List<ExportAnswer> pending, List<ExportAnswer> mine) {
	}

	record ExportAnswer(long id, String kind, Map<String, String> parameters, long rows, String requestedBy,
			String requestedAt, String reason, String status, String decidedBy, String decidedAt, String decisionNote,
			String downloadedAt, String releaseUntil) {
	}

	private static MonthAnswer month(AccessReviews.Month m) {
		AccessReviews.Review r = m.review();
		return new MonthAnswer(m.month().toString(), m.dueOn().toString(), m.running(), m.overdue(), r == null ? null
				: new ReviewAnswer(r.id(), r.reviewedBy(), local(r.reviewedAt()), r.findings(), r.counts()));
	}

	private BreachAnswer breach(Breach b) {
		Instant now = breaches.now();
		return new BreachAnswer(b.getId(), b.getTitle(), b.getDescription(), List.of(b.getDataKinds().split(",")),
				b.getAffectedCount(), b.getAffectedDescription(), local(b.getOccurredAt()), local(b.getFoundAt()),
				b.getStatus(), b.overdue(now),
				new NoticeAnswer(local(b.getInternalDueAt()), local(b.getInternalToldAt()), b.getInternalToldWhom(),
						b.internalOverdue(now)),
				new NoticeAnswer(local(b.getRegulatorDueAt()), local(b.getRegulatorToldAt()), b.getRegulatorToldWhom(),
						b.regulatorOverdue(now)),
				new PersonsNotice(local(b.getPersonsDueAt()), local(b.getPersonsToldAt()), b.getPersonsToldHow(),
						b.personsOverdue(now), b.getPersonsWaivedReason()),
				local(b.getCloseDueAt()), local(b.getClosedAt()), b.getClosedBy(), b.getClosureSummary());
	}

	private static ExportAnswer export(ExportApprovals.View v) {
		return new ExportAnswer(v.id(), v.kind(), v.parameters(), v.rows(), v.requestedBy(), local(v.requestedAt()),
				v.reason(), v.status(), v.decidedBy(), local(v.decidedAt()), v.decisionNote(), local(v.downloadedAt()),
				local(v.releaseUntil()));
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
