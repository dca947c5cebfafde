package com.kcm.complaint;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The forced-closure list page: a month's nominations with reasons, nominate and withdraw, approve, export. */
@Controller
@PreAuthorize("hasAnyRole('AFTER_SALES','CS_SUPERVISOR')")
class ForcedClosurePages {

	private final ForcedClosures closures;
	private final ComplaintHandling handling;
	private final ComplaintRepository complaints;
	private final MessageSource messages;
	private final RoleHierarchy hierarchy;
	private final Clock clock;

	ForcedClosurePages(ForcedClosures closures, ComplaintHandling handling, ComplaintRepository complaints,
			MessageSource messages, RoleHierarchy hierarchy, Clock clock) {
		this.closures = closures;
		this.handling = handling;
		this.complaints = complaints;
		this.messages = messages;
		this.hierarchy = hierarchy;
		this.clock = clock;
	}

	@GetMapping("/complaints/forced-closures")
	String list(@RequestParam(required = false) String month, Authentication auth, Model model) {
		YearMonth m = month == null || month.isBlank() ? ForcedClosures.monthOf(clock.instant())
				: ForcedClosures.parseMonth(month);
		Locale locale = LocaleContextHolder.getLocale();
		Optional<ForcedClosures.ListView> list = closures.find(m, locale);
		Set<String> roles = LayoutAdvice.effectiveRoles(auth, hierarchy);
		model.addAttribute("month", m.toString());
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAttribute("listTitle", list.map(ForcedClosures.ListView::title).orElseGet(() -> closures.title(m, locale)));
		model.addAttribute("list", list.orElse(null));
		model.addAttribute("mayNominate", roles.contains("AFTER_SALES"));
		model.addAttribute("mayApprove", roles.contains("AFTER_SALES_MANAGER")
				&& list.map(l -> l.draft() && !l.items().isEmpty()).orElse(false));
		return "complaint/closure/forced-closures";
	}

	/** Nominates a complaint, given by its number or external id, for the current month's list. */
	@PostMapping("/complaints/forced-closures/nominations")
	@PreAuthorize("hasRole('AFTER_SALES')")
	String nominate(@RequestParam(required = false) String complaint, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			long id = complaintId(complaint);
			handling.nominateForForcedClosure(id, reason);
			redirect.addFlashAttribute("flash", text("closure.forced.nominated", String.valueOf(id)));
		} catch (DomainException | ValidationException | NotFoundException e) {
			redirect.addFlashAttribute("errors", problems(e));
		}
		return "redirect:/complaints/forced-closures?month=" + ForcedClosures.monthOf(clock.instant());
	}

	@PostMapping("/complaints/forced-closures/nominations/{complaintId}/withdraw")
	@PreAuthorize("hasRole('AFTER_SALES')")
	String withdraw(@PathVariable long complaintId, @RequestParam(required = false) String note,
			@RequestParam(required = false) String month, RedirectAttributes redirect) {
		try {
			closures.withdraw(complaintId, note);
			redirect.addFlashAttribute("flash", text("closure.forced.withdrawn", String.valueOf(complaintId)));
		} catch (DomainException | ValidationException | NotFoundException e) {
			redirect.addFlashAttribute("errors", problems(e));
		}
		return "redirect:/complaints/forced-closures" + (month == null ? "" : "?month=" + ForcedClosures.parseMonth(month));
	}

	@PostMapping("/complaints/forced-closures/approve")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	String approve(@RequestParam String month, RedirectAttributes redirect) {
		YearMonth m = ForcedClosures.parseMonth(month);
		try {
			ForcedClosures.Approval a = closures.approve(m);
			redirect.addFlashAttribute("flash", text("closure.forced.approved", a.closed().size(), a.skipped().size()));
			redirect.addFlashAttribute("skipped", a.skipped());
		} catch (DomainException | ValidationException e) {
			redirect.addFlashAttribute("errors", problems(e));
		}
		return "redirect:/complaints/forced-closures?month=" + m;
	}

	@GetMapping("/complaints/forced-closures/export")
	void export(@RequestParam String month, HttpServletResponse response) throws IOException {
		YearMonth m = ForcedClosures.parseMonth(month);
		Locale locale = LocaleContextHolder.getLocale();
		ForcedClosures.ListView v = closures.find(m, locale)
				.orElseThrow(() -> new NotFoundException("forced-closure list", m));
		response.setContentType(ForcedClosureApi.XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"forced-closures-" + m + ".xlsx\"");
		closures.export(v, locale, response.getOutputStream());
	}

	private long complaintId(String given) {
		if (given == null || given.isBlank()) {
			throw ValidationException.of("complaint", "error.required");
		}
		String g = given.trim().replaceFirst("^#", "");
		if (g.matches("\\d{1,18}")) {
			return Long.parseLong(g);
		}
		return complaints.findByExternalId(g).map(Complaint::getId)
				.orElseThrow(() -> ValidationException.of("complaint", "closure.complaint.unknown", g));
	}

	private List<String> problems(RuntimeException e) {
		if (e instanceof ValidationException v) {
			return Messages.render(messages, v.violations());
		}
		if (e instanceof DomainException d) {
			return List.of(messages.getMessage(d.code(), d.args(), d.code(), LocaleContextHolder.getLocale()));
		}
		return List.of(text("closure.complaint.notFound"));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem forcedClosuresMenu() {
			return new NavItem("complaint", 80, "closure.nav.forced", "/complaints/forced-closures",
					Set.of("AFTER_SALES", "CS_SUPERVISOR"));
		}

		@Bean
		NavItem unclosedComplaintsMenu() {
			return new NavItem("complaint", 81, "closure.nav.unclosed", "/complaints/unclosed",
					Set.of("CS_AGENT", "AFTER_SALES"));
		}
	}
}
