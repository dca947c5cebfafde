package com.kcm.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/**
 * Pages of service visits and quarterly complaint limits: a month's visits of the visible dealers (by
 * region), a dealer's visit history, the import (after-sales), and the limits of a quarter with the
 * counted complaints of each month, computation on demand and overrides (after-sales).
 */
@Controller
class VisitPages {

	static final String READERS = VisitsAndLimitsApi.READERS;
	static final String EDITORS = "hasRole('AFTER_SALES')";

	private final ServiceVisits visits;
	private final ComplaintLimits limits;
	private final AssessmentComputation computation;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final MessageSource messages;
	private final Clock clock;

	VisitPages(ServiceVisits visits, ComplaintLimits limits, AssessmentComputation computation, DealerCatalog dealers,
			CurrentUsers users, MessageSource messages, Clock clock) {
		this.visits = visits;
		this.limits = limits;
		this.computation = computation;
		this.dealers = dealers;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavItem serviceVisitsMenu() {
		return new NavItem("assessment", 30, "nav.serviceVisits", "/service-visits",
				Set.of("AFTER_SALES", "FINANCE", "REGIONAL", "DEALER"));
	}

	@Bean
	static NavItem complaintLimitsMenu() {
		return new NavItem("assessment", 32, "nav.complaintLimits", "/limits",
				Set.of("AFTER_SALES", "FINANCE", "REGIONAL", "DEALER"));
	}

	// ---- service visits ----

	@GetMapping("/service-visits")
	@PreAuthorize(READERS)
	String month(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		YearMonth m = month == null || month.isBlank() ? today().minusMonths(1) : Months.parse(month, "month");
		model.addAttribute("month", m.toString());
		model.addAttribute("region", region);
		model.addAttribute("regions", dealers.visibleRegions());
		model.addAttribute("page", visits.month(m, region, VisitsAndLimitsApi.pageable(page, 50)));
		model.addAttribute("editor", editor());
		return "assessment/visits";
	}

	@GetMapping("/service-visits/dealers/{code}")
	@PreAuthorize(READERS)
	String history(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
		DealerSummary d = dealers.visible(code);
		model.addAttribute("dealer", d);
		model.addAttribute("page", visits.history(d.code(), VisitsAndLimitsApi.pageable(page, 24)));
		return "assessment/visit-history";
	}

	@GetMapping("/service-visits/import")
	@PreAuthorize(EDITORS)
	String importForm(Model model) {
		model.addAttribute("columns", ServiceVisits.COLUMNS.aliases());
		return "assessment/visits-import";
	}

	@PostMapping("/service-visits/import")
	@PreAuthorize(EDITORS)
	String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw ValidationException.of("file", "error.required");
			}
			try (InputStream in = file.getInputStream()) {
				int n = visits.importFile(file.getOriginalFilename(), in);
				redirect.addFlashAttribute("flash", messages.getMessage("import.done", new Object[] { n },
						LocaleContextHolder.getLocale()));
			}
			return "redirect:/service-visits";
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("columns", ServiceVisits.COLUMNS.aliases());
			return "assessment/visits-import";
		}
	}

	@GetMapping("/service-visits/import/template")
	@PreAuthorize(EDITORS)
	void template(HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"service-visits-import.xlsx\"");
		try (OutputStream out = response.getOutputStream()) {
			visits.template(out);
		}
	}

	// ---- quarterly limits ----

	@GetMapping("/limits")
	@PreAuthorize(READERS)
	String limits(@RequestParam(required = false) String quarter, @RequestParam(required = false) String region,
			@RequestParam(required = false) String dealer, @RequestParam(defaultValue = "0") int page, Model model) {
		YearMonth start = quarter == null || quarter.isBlank() ? Months.quarterStart(today())
				: Months.parseQuarter(quarter, "quarter");
		Page<ComplaintLimits.QuarterLimit> p = limits.list(start, dealer, region, VisitsAndLimitsApi.pageable(page, 50));
		List<String> months = List.of(start.toString(), start.plusMonths(1).toString(), start.plusMonths(2).toString());
		Map<Long, Map<String, int[]>> counted = computation.countedTowardLimit(start,
				p.getContent().stream().map(ComplaintLimits.QuarterLimit::dealerId).toList());
		model.addAttribute("quarter", Months.quarter(start));
		model.addAttribute("previousQuarter", Months.quarter(start.minusMonths(3)));
		model.addAttribute("nextQuarter", Months.quarter(start.plusMonths(3)));
		model.addAttribute("months", months);
		model.addAttribute("counted", counted);
		model.addAttribute("region", region);
		model.addAttribute("dealer", dealer);
		model.addAttribute("regions", dealers.visibleRegions());
		model.addAttribute("page", p);
		model.addAttribute("editor", editor());
		return "assessment/limits";
	}

	@PostMapping("/limits/{quarter}/compute")
	@PreAuthorize(EDITORS)
	String compute(@PathVariable String quarter, RedirectAttributes redirect) {
		YearMonth start = Months.parseQuarter(quarter, "quarter");
		int n = limits.computeQuarter(start);
		redirect.addFlashAttribute("flash", messages.getMessage("assessment.limits.computed",
				new Object[] { Months.quarter(start), n }, LocaleContextHolder.getLocale()));
		return "redirect:/limits?quarter=" + Months.quarter(start);
	}

	@PostMapping("/limits/{quarter}/override")
	@PreAuthorize(EDITORS)
	String override(@PathVariable String quarter, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		YearMonth start = Months.parseQuarter(quarter, "quarter");
		try {
			var v = new com.kcm.shared.domain.Violations();
			DealerSummary d = dealerCode == null || dealerCode.isBlank() ? null : dealers.byCode(dealerCode).orElse(null);
			if (d == null) {
				v.field("dealerCode", dealerCode == null || dealerCode.isBlank() ? "error.required"
						: "assessment.dealer.unknown", dealerCode);
			}
			Integer value = null;
			try {
				value = limit == null || limit.isBlank() ? null : Integer.valueOf(limit.trim());
			} catch (NumberFormatException e) {
				v.field("limit", "assessment.limit.invalid");
			}
			if (value == null && v.list().stream().noneMatch(x -> "limit".equals(x.field()))) {
				v.field("limit", "error.required");
			}
			v.throwIfAny();
			limits.override(d.id(), start, value, reason);
			redirect.addFlashAttribute("flash", messages.getMessage("assessment.limits.overridden",
					new Object[] { d.code(), Months.quarter(start), value }, LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("overrideErrors", Messages.render(messages, e.violations()));
			redirect.addFlashAttribute("overrideDealer", dealerCode);
			redirect.addFlashAttribute("overrideLimit", limit);
			redirect.addFlashAttribute("overrideReason", reason);
		}
		return "redirect:/limits?quarter=" + Months.quarter(start);
	}

	private boolean editor() {
		return users.find().map(u -> u.hasAny(Role.AFTER_SALES, Role.AFTER_SALES_MANAGER, Role.ADMIN)).orElse(false);
	}

	private YearMonth today() {
		return YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
	}
}
