package com.kcm.complaint;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kcm.shared.domain.NotFoundException;

/**
 * The monthly forced-closure lists under {@code /api/v1}: read, approve (after-sales manager), export; and
 * the withdrawal of a nomination (the nomination itself is a complaint move).
 */
@RestController
@RequestMapping("/api/v1")
class ForcedClosureApi {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	record Note(String note) {
	}

	private final ForcedClosures closures;

	ForcedClosureApi(ForcedClosures closures) {
		this.closures = closures;
	}

	@GetMapping("/forced-closure-lists/{month}")
	ListAnswer get(@PathVariable String month) {
		YearMonth m = ForcedClosures.parseMonth(month);
		return ListAnswer.of(closures.find(m, LocaleContextHolder.getLocale())
				.orElseThrow(() -> new NotFoundException("forced-closure list", m)));
	}

	@PostMapping("/forced-closure-lists/{month}/approve")
	ApprovalAnswer approve(@PathVariable String month) {
		YearMonth m = ForcedClosures.parseMonth(month);
		ForcedClosures.Approval a = closures.approve(m);
		return new ApprovalAnswer(ListAnswer.of(closures.find(m, LocaleContextHolder.getLocale()).orElseThrow()),
				a.closed(), a.skipped());
	}

	@GetMapping("/forced-closure-lists/{month}/export")
	void export(@PathVariable String month, HttpServletResponse response) throws IOException {
		YearMonth m = ForcedClosures.parseMonth(month);
		ForcedClosures.ListView v = closures.find(m, LocaleContextHolder.getLocale())
				.orElseThrow(() -> new NotFoundException("forced-closure list", m));
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"forced-closures-" + m + ".xlsx\"");
		closures.export(v, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	@PostMapping("/complaints/{id}/forced-closure-nomination/withdrawal")
	Withdrawn withdraw(@PathVariable long id, @RequestBody(required = false) Note note) {
		closures.withdraw(id, note == null ? null : note.note());
		return new Withdrawn(id, true);
	}

	/** A month's forced-closure list with its items. */
	record ListAnswer(String month, String title, String status, String approvedBy, OffsetDateTime approvedAt,
			List<ItemAnswer> items) {

		static ListAnswer of(ForcedClosures.ListView v) {
			return new ListAnswer(v.month().toString(), v.title(), v.status(), v.approvedBy(), v.approvedAt(),
					v.items().stream().map(i -> new ItemAnswer(i.complaintId(), i.externalId(), i.kind(),
							i.customerName(), i.responsibleDealer(), i.complaintStatus(), i.reason(), i.nominatedBy(),
							i.nominatedAt(), i.outcome())).toList());
		}
	}

	record ItemAnswer(long complaintId, String externalId, String kind, String customerName, String responsibleDealer,
			String complaintStatus, String reason, String nominatedBy, OffsetDateTime nominatedAt, String outcome) {
	}

	/** The list after its approval, with the complaints closed and those skipped (closed meanwhile). */
	record ApprovalAnswer(@JsonUnwrapped ListAnswer list, List<Long> closed, List<ForcedClosures.Skipped> skipped) {
	}

	record Withdrawn(long complaintId, boolean withdrawn) {
	}
}
