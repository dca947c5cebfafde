package com.kcm.complaint;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.web.PageAnswer;

/** {@code GET /api/v1/unclosed-complaints}: the bulletin of unclosed complaints, paged, and as xlsx. */
@RestController
@RequestMapping("/api/v1/unclosed-complaints")
@PreAuthorize("hasAnyRole('CS_AGENT','AFTER_SALES')")
class UnclosedComplaintApi {

	private final UnclosedComplaints bulletin;
	private final Clock clock;

	UnclosedComplaintApi(UnclosedComplaints bulletin, Clock clock) {
		this.bulletin = bulletin;
		this.clock = clock;
	}

	@GetMapping
	PageAnswer<UnclosedComplaints.Row> list(@RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Boolean escalated,
			@RequestParam(required = false) Integer olderThanDays, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<UnclosedComplaints.Row> p = bulletin.list(
				UnclosedComplaints.Filter.of(dealerCode, regionCode, escalated, olderThanDays),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
		return PageAnswer.of(p);
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) String dealerCode, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Boolean escalated, @RequestParam(required = false) Integer olderThanDays,
			HttpServletResponse response) throws IOException {
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		response.setContentType(ForcedClosureApi.XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"unclosed-complaints-" + today + ".xlsx\"");
		bulletin.export(UnclosedComplaints.Filter.of(dealerCode, regionCode, escalated, olderThanDays),
				LocaleContextHolder.getLocale(), response.getOutputStream());
	}
}
