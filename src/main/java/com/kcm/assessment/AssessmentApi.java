package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
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
	Map<String, Object> serviceVisits(@RequestBody List<ServiceVisits.Entry> entries) {
		return Map.of("recorded", visits.record(entries));
	}

	@PostMapping("/media-incidents")
	@PreAuthorize("hasRole('AFTER_SALES')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> mediaIncident(@RequestBody MediaIncident m) {
		return Map.of("id", incidents.record(m.dealerCode(), m.at(), m.description(), m.complaintExternalId()));
	}

	@PostMapping("/penalties")
	@PreAuthorize("hasRole('AFTER_SALES')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> propose(@RequestBody PenaltyProposal p) {
		return Map.of("id", penalties.propose(p.dealerCode(), p.month(), p.amount(), p.reason()));
	}

	@PostMapping("/penalties/{id}/approve")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	Map<String, Object> approve(@PathVariable long id) {
		penalties.approve(id);
		return Map.of("id", id, "status", "APPROVED");
	}

	@PostMapping("/limit-overrides")
	@PreAuthorize("hasRole('AFTER_SALES')")
	Map<String, Object> overrideLimit(@RequestBody LimitOverride o) {
		long dealerId = dealers.byCode(o.dealerCode() == null ? "" : o.dealerCode().trim())
				.orElseThrow(() -> ValidationException.of("dealerCode", "assessment.dealer.unknown", o.dealerCode())).id();
		if (o.limit() == null) {
			throw ValidationException.of("limit", "error.required");
		}
		YearMonth month = Months.parse(o.month(), "month");
		limits.override(dealerId, month, o.limit(), o.reason());
		return Map.of("dealerCode", o.dealerCode(), "quarter", Months.quarter(month), "limit", o.limit());
	}

	@PostMapping("/assessments/{month}/compute")
	@PreAuthorize("hasRole('AFTER_SALES')")
	Map<String, Object> compute(@PathVariable String month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime cutoff) {
		YearMonth m = Months.parse(month, "month");
		Instant c = cutoff == null ? null : cutoff.toInstant();
		int n = computation.compute(m, c);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("month", m.toString());
		answer.put("dealers", n);
		return answer;
	}

	@GetMapping("/assessments/{month}/dealers/{code}")
	Map<String, Object> dealer(@PathVariable String month, @PathVariable String code) {
		// each condition also gets its explanation sentence (additive to Appendix A)
		return explanations.addTo(computation.latest(Months.parse(month, "month"), code));
	}
}
