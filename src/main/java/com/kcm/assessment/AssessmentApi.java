package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
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

import com.kcm.dealer.DealerCatalog;
import com.kcm.shared.domain.ValidationException;

/** The assessment calls of Appendix A under {@code /api/v1}. */
@RestController
@RequestMapping("/api/v1")
class AssessmentApi {

	record MediaIncident(String dealerCode, OffsetDateTime at, String description, String complaintExternalId) {
	}

	record PenaltyProposal(String dealerCode, String month, BigDecimal amount, String reason) {
	}

	record LimitOverride(String dealerCode, String month, Integer limit, String reason) {
	}

	/** {@code POST /service-visits}: how many months were recorded. */
	record VisitsRecorded(int recorded) {
	}

	/** {@code POST /media-incidents}: the recorded incident's id. */
	record MediaIncidentRecorded(long id) {
	}

	/** {@code POST /penalties}: the proposal's id. */
	record PenaltyProposed(long id) {
	}

	/** {@code POST /penalties/{id}/approve}. */
	record PenaltyApproval(long id, String status) {
	}

	/** {@code POST /limit-overrides}: the limit now in force for the dealer's quarter. */
	record LimitOverridden(String dealerCode, String quarter, int limit) {
	}

	/** {@code POST /assessments/{month}/compute}: how many dealers were computed. */
	record MonthComputed(String month, int dealers) {
	}

	private final ServiceVisits visits;
	private final MediaIncidents incidents;
	private final Penalties penalties;
	private final ComplaintLimits limits;
	private final AssessmentComputation computation;
	private final DealerCatalog dealers;
	private final ConditionExplanations explanations;

	AssessmentApi(ServiceVisits visits, MediaIncidents incidents, Penalties penalties, ComplaintLimits limits,
			AssessmentComputation computation, DealerCatalog dealers, ConditionExplanations explanations) {
		this.visits = visits;
		this.incidents = incidents;
		this.penalties = penalties;
		this.limits = limits;
		this.computation = computation;
		this.dealers = dealers;
		this.explanations = explanations;
	}

	@PostMapping("/service-visits")
	@PreAuthorize("hasAnyRole('AFTER_SALES', 'ADMIN')")
	VisitsRecorded serviceVisits(@RequestBody List<ServiceVisits.Entry> entries) {
		return new VisitsRecorded(visits.record(entries));
	}

	@PostMapping("/media-incidents")
	@PreAuthorize("hasRole('AFTER_SALES')")
	@ResponseStatus(HttpStatus.CREATED)
	MediaIncidentRecorded mediaIncident(@RequestBody MediaIncident m) {
		return new MediaIncidentRecorded(incidents.record(m.dealerCode(), m.at(), m.description(), m.complaintExternalId()));
	}

	@PostMapping("/penalties")
	@PreAuthorize("hasRole('AFTER_SALES')")
	@ResponseStatus(HttpStatus.CREATED)
	PenaltyProposed propose(@RequestBody PenaltyProposal p) {
		return new PenaltyProposed(penalties.propose(p.dealerCode(), p.month(), p.amount(), p.reason()));
	}

	@PostMapping("/penalties/{id}/approve")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	PenaltyApproval approve(@PathVariable long id) {
		penalties.approve(id);
		return new PenaltyApproval(id, "APPROVED");
	}

	@PostMapping("/limit-overrides")
	@PreAuthorize("hasRole('AFTER_SALES')")
	LimitOverridden overrideLimit(@RequestBody LimitOverride o) {
		long dealerId = dealers.byCode(o.dealerCode() == null ? "" : o.dealerCode().trim())
				.orElseThrow(() -> ValidationException.of("dealerCode", "assessment.dealer.unknown", o.dealerCode())).id();
		if (o.limit() == null) {
			throw ValidationException.of("limit", "error.required");
		}
		YearMonth month = Months.parse(o.month(), "month");
		limits.override(dealerId, month, o.limit(), o.reason());
		return new LimitOverridden(o.dealerCode(), Months.quarter(month), o.limit());
	}

	@PostMapping("/assessments/{month}/compute")
	@PreAuthorize("hasRole('AFTER_SALES')")
	MonthComputed compute(@PathVariable String month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime cutoff) {
		YearMonth m = Months.parse(month, "month");
		Instant c = cutoff == null ? null : cutoff.toInstant();
		return new MonthComputed(m.toString(), computation.compute(m, c));
	}

	/** The stored answer as data (its numbers exactly as stored), each condition with its explanation. */
	@GetMapping("/assessments/{month}/dealers/{code}")
	Map<String, Object> dealer(@PathVariable String month, @PathVariable String code) {
		// each condition also gets its explanation sentence (additive to Appendix A)
		return explanations.addTo(computation.latest(Months.parse(month, "month"), code));
	}
}
