package com.kcm.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The policy parameters: the list with the values in force today, and per parameter its history and a new value. */
@Controller
@RequestMapping("/admin/policies")
@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
class PolicyPages {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Policies policies;
	private final PolicyAdministration administration;
	private final MessageSource messages;
	private final Clock clock;

	PolicyPages(Policies policies, PolicyAdministration administration, MessageSource messages, Clock clock) {
		this.policies = policies;
		this.administration = administration;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		LocalDate today = today();
		Map<String, List<PolicyView>> groups = new LinkedHashMap<>();
		Arrays.stream(PolicyName.values()).forEach(p -> groups.computeIfAbsent(p.group(), g -> new java.util.ArrayList<>())
				.add(PolicyView.of(policies, p, today)));
		model.addAttribute("groups", groups);
		model.addAttribute("today", today);
		return "policy/policies";
	}

	@GetMapping("/{name}")
	String detail(@PathVariable String name, Model model) {
		PolicyName p = find(name);
		model.addAttribute("form", Map.of("value", (p.type() == PolicyType.BANDS || p.type() == PolicyType.RULES) ? policies.valueAt(p.name(), clock.instant()) : "",
				"effectiveFrom", today().plusDays(1).toString(), "reason", ""));
		return detail(p, model);
	}

	@PostMapping("/{name}")
	String change(@PathVariable String name, @RequestParam(required = false) String value,
			@RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		PolicyName p = find(name);
		try {
			administration.change(p.name(), new PolicyAdministration.Change(value, effectiveFrom, reason));
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			Map<String, String> form = new LinkedHashMap<>();
			form.put("value", value == null ? "" : value);
			form.put("effectiveFrom", effectiveFrom == null ? "" : effectiveFrom);
			form.put("reason", reason == null ? "" : reason);
			model.addAttribute("form", form);
			return detail(p, model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/admin/policies/" + p.name();
	}

	private String detail(PolicyName p, Model model) {
		model.addAttribute("policy", p);
		model.addAttribute("current", PolicyView.of(policies, p, today()));
		model.addAttribute("history", policies.history(p).stream()
				.map(e -> Map.of("entry", e, "display", PolicyView.display(p, e.value()), "recordedAt",
						STAMP.format(e.recordedAt().atZone(TimeConfig.BUSINESS_ZONE)))).toList());
		model.addAttribute("defaultDisplay", PolicyView.display(p, p.defaultValue()));
		return "policy/policy";
	}

	private static PolicyName find(String name) {
		return PolicyName.find(name).orElseThrow(() -> new NotFoundException("policy", name));
	}

	private LocalDate today() {
		return clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem policiesMenu() {
			return new NavItem("admin", 40, "nav.policies", "/admin/policies", Set.of("ADMIN", "AFTER_SALES_MANAGER"));
		}
	}
}
