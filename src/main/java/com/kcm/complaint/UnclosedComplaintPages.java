package com.kcm.complaint;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kcm.dealer.DealerCatalog;
import com.kcm.shared.TimeConfig;

/** The unclosed-complaint bulletin (未闭环抱怨通报): filters, paging, xlsx export. */
@Controller
@PreAuthorize("hasAnyRole('CS_AGENT','AFTER_SALES')")
class UnclosedComplaintPages {

	private final UnclosedComplaints bulletin;
	private final DealerCatalog dealers;
	private final Clock clock;

	UnclosedComplaintPages(UnclosedComplaints bulletin, DealerCatalog dealers, Clock clock) {
		this.bulletin = bulletin;
		this.dealers = dealers;
		this.clock = clock;
	}

	@GetMapping("/complaints/unclosed")
	String list(@RequestParam(required = false) String dealer, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean escalated, @RequestParam(required = false) Integer olderThan,
			@RequestParam(defaultValue = "0") int page, Model model) {
		UnclosedComplaints.Filter f = UnclosedComplaints.Filter.of(dealer, region, escalated, olderThan);
		model.addAttribute("page", bulletin.list(f, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("filter", f);
		model.addAttribute("regions", dealers.regions());
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE));
		return "complaint/closure/unclosed";
	}

	@GetMapping("/complaints/unclosed/export")
	void export(@RequestParam(required = false) String dealer, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean escalated, @RequestParam(required = false) Integer olderThan,
			HttpServletResponse response) throws IOException {
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		response.setContentType(ForcedClosureApi.XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"unclosed-complaints-" + today + ".xlsx\"");
		bulletin.export(UnclosedComplaints.Filter.of(dealer, region, escalated, olderThan),
				LocaleContextHolder.getLocale(), response.getOutputStream());
	}
}
