package com.kcm.complaint;

import java.io.IOException;
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
	Map<String, Object> get(@PathVariable String month) {
		YearMonth m = ForcedClosures.parseMonth(month);
		return json(closures.find(m, LocaleContextHolder.getLocale())
				.orElseThrow(() -> new NotFoundException("forced-closure list", m)));
	}

	@PostMapping("/forced-closure-lists/{month}/approve")
	Map<String, Object> approve(@PathVariable String month) {
		YearMonth m = ForcedClosures.parseMonth(month);
		ForcedClosures.Approval a = closures.approve(m);
		Map<String, Object> answer = json(closures.find(m, LocaleContextHolder.getLocale()).orElseThrow());
		answer.put("closed", a.closed());
		answer.put("skipped", a.skipped().stream()
				.map(s -> Map.<String, Object>of("complaintId", s.complaintId(), "status", s.status())).toList());
		return answer;
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
	Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) Note note) {
		closures.withdraw(id, note == null ? null : note.note());
		return Map.of("complaintId", id, "withdrawn", true);
	}

	static Map<String, Object> json(ForcedClosures.ListView v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("month", v.month().toString());
		m.put("title", v.title());
		m.put("status", v.status());
		m.put("approvedBy", v.approvedBy());
		m.put("approvedAt", v.approvedAt());
		List<Map<String, Object>> items = v.items().stream().map(i -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("complaintId", i.complaintId());
			x.put("externalId", i.externalId());
			x.put("kind", i.kind());
			x.put("customerName", i.customerName());
			x.put("responsibleDealer", i.responsibleDealer());
			x.put("complaintStatus", i.complaintStatus());
			x.put("reason", i.reason());
			x.put("nominatedBy", i.nominatedBy());
			x.put("nominatedAt", i.nominatedAt());
			x.put("outcome", i.outcome());
			return x;
		}).toList();
		m.put("items", items);
		return m;
	}
}
