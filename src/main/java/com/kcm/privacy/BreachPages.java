package com.kcm.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The breach register (信息泄露): list with overdue marks, the record form, one incident with its steps. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
class BreachPages {

	private final Breaches breaches;
	private final MessageSource messages;

	BreachPages(Breaches breaches, MessageSource messages) {
		this.breaches = breaches;
		this.messages = messages;
	}

	/** A row of the list: the incident and which of its deadlines have passed undone. */
	record Row(Breach breach, boolean overdue) {
	}

	@GetMapping("/privacy/breaches")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Instant now = breaches.now();
		model.addAttribute("page", breaches.list(PageRequest.of(Math.max(page, 0), 20,
				Sort.by(Sort.Direction.DESC, "foundAt", "id"))).map(b -> new Row(b, b.overdue(now))));
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "privacy/breaches";
	}

	@GetMapping("/privacy/breaches/new")
	String form(Model model) {
		model.addAttribute("form", new Breaches.Command(null, null, List.of(), null, null, null, null));
		model.addAttribute("kinds", Breaches.DATA_KINDS);
		return "privacy/breach-form";
	}

	@PostMapping("/privacy/breaches/new")
	String record(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<String> dataKinds, @RequestParam(required = false) String affectedCount,
			@RequestParam(required = false) String affectedDescription, @RequestParam(required = false) String occurredAt,
			@RequestParam(required = false) String foundAt, Model model, RedirectAttributes redirect) {
		Breaches.Command c = new Breaches.Command(title, description, dataKinds == null ? List.of() : dataKinds,
				affectedCount, affectedDescription, occurredAt, foundAt);
		try {
			long id = breaches.record(c);
			redirect.addFlashAttribute("flash", text("flash.saved"));
			return "redirect:/privacy/breaches/" + id;
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("form", c);
			model.addAttribute("kinds", Breaches.DATA_KINDS);
			return "privacy/breach-form";
		}
	}

	@GetMapping("/privacy/breaches/{id}")
	String detail(@PathVariable long id, Model model) {
		Breach b = breaches.get(id);
		Instant now = breaches.now();
		model.addAttribute("b", b);
		model.addAttribute("actions", breaches.actions(id));
		model.addAttribute("internalOverdue", b.internalOverdue(now));
		model.addAttribute("regulatorOverdue", b.regulatorOverdue(now));
		model.addAttribute("personsOverdue", b.personsOverdue(now));
		model.addAttribute("closeOverdue", b.closeOverdue(now));
		model.addAttribute("kinds", List.of(b.getDataKinds().split(",")));
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		return "privacy/breach";
	}

	@PostMapping("/privacy/breaches/{id}/told")
	String told(@PathVariable long id, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String at, @RequestParam(required = false) String whom,
			RedirectAttributes redirect) {
		return step(id, redirect, x -> breaches.told(id, audience, at, whom));
	}

	@PostMapping("/privacy/breaches/{id}/waive")
	String waive(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(id, redirect, x -> breaches.waivePersons(id, reason));
	}

	@PostMapping("/privacy/breaches/{id}/actions")
	String action(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		return step(id, redirect, x -> breaches.addAction(id, text));
	}

	@PostMapping("/privacy/breaches/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String summary, RedirectAttributes redirect) {
		return step(id, redirect, x -> breaches.close(id, summary));
	}

	private String step(long id, RedirectAttributes redirect, Consumer<Void> step) {
		try {
			step.accept(null);
			redirect.addFlashAttribute("flash", text("flash.saved"));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("errors", Messages.render(messages, e.violations()));
		} catch (DomainException e) {
			redirect.addFlashAttribute("errors",
					List.of(messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale())));
		}
		return "redirect:/privacy/breaches/" + id;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem breachMenu() {
			return new NavItem("admin", 93, "privacy.nav.breaches", "/privacy/breaches", Set.of("ADMIN", "AFTER_SALES_MANAGER"));
		}
	}
}
