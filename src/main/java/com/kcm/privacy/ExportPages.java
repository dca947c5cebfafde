package com.kcm.privacy;

import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.web.NavItem;

/**
 * Export requests awaiting a second approver: the caller's own requests and, for approvers, the pending ones;
 * one request with approve/reject (approvers other than the requester) or the download link (the requester).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ExportPages {

	private final ExportApprovals approvals;
	private final MessageSource messages;

	ExportPages(ExportApprovals approvals, MessageSource messages) {
		this.approvals = approvals;
		this.messages = messages;
	}

	@GetMapping("/exports")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("pending", approvals.pending(PageRequest.of(0, 50, Sort.by("requestedAt", "id"))));
		model.addAttribute("page", approvals.mine(PageRequest.of(Math.max(page, 0), 20,
				Sort.by(Sort.Direction.DESC, "requestedAt", "id"))));
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "privacy/exports";
	}

	@GetMapping("/exports/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("request", approvals.get(id));
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "privacy/export";
	}

	@PostMapping("/exports/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(id, () -> approvals.approve(id, note), redirect);
	}

	@PostMapping("/exports/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(id, () -> approvals.reject(id, note), redirect);
	}

	private String decide(long id, Runnable decision, RedirectAttributes redirect) {
		var locale = LocaleContextHolder.getLocale();
		try {
			decision.run();
			redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
		} catch (DomainException e) {
			redirect.addFlashAttribute("errors", java.util.List.of(messages.getMessage(e.code(), e.args(), e.code(), locale)));
		}
		return "redirect:/exports/" + id;
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem exportRequestsMenu() {
			return new NavItem("master", 25, "privacy.nav.exports", "/exports",
					Set.of("CS_AGENT", "CS_SUPERVISOR", "AFTER_SALES", "ACCOUNT_MANAGER", "DEALER", "REGIONAL"));
		}
	}
}
