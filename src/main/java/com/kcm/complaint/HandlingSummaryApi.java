package com.kcm.complaint;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.domain.ValidationException;

/**
 * The repair command of the handling summary (ADR 0003, docs/decisions.md): administrators rebuild it from the
 * timeline for one month ({@code ?month=2026-06}) or for every complaint (no month).
 */
@RestController
@RequestMapping("/api/v1/complaint-handling-summary")
class HandlingSummaryApi {

	private final HandlingSummary summary;

	HandlingSummaryApi(HandlingSummary summary) {
		this.summary = summary;
	}

	/** What was rebuilt: the month (null: all) and how many complaints. */
	record Rebuilt(String month, int complaints) {
	}

	@PostMapping("/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	Rebuilt rebuild(@RequestParam(required = false) String month) {
		YearMonth m = null;
		if (month != null) {
			try {
				m = YearMonth.parse(month.trim());
			} catch (DateTimeParseException e) {
				throw ValidationException.of("month", "complaint.summary.month.invalid", month);
			}
		}
		return new Rebuilt(m == null ? null : m.toString(), summary.rebuild(m));
	}
}
