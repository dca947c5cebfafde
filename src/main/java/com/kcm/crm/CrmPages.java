package com.kcm.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.Messages;

/**
 * The account manager's pages: "my accounts" (never visited and overdue first, overdue rows highlighted,
 * open follow-ups, contracts ending soon) and one account (organisation, contacts masked, visit plan, visits
 * with the form to record one, contracts). Forms post and redirect back; a refused form shows its messages.
 */
@Controller
@PreAuthorize(CrmApi.KEY_ACCOUNTS)
class CrmPages {

	private final KeyAccounts keyAccounts;
	private final Contracts contracts;
	private final CustomerClasses classes;
	private final com.kcm.customer.Customers customers;
	private final MessageSource messages;
	private final RoleHierarchy hierarchy;

	CrmPages(KeyAccounts keyAccounts, Contracts contracts, CustomerClasses classes,
			com.kcm.customer.Customers customers, MessageSource messages, RoleHierarchy hierarchy) {
		this.keyAccounts = keyAccounts;
		this.contracts = contracts;
		this.classes = classes;
		this.customers = customers;
		this.messages = messages;
		this.hierarchy = hierarchy;
	}

	@GetMapping("/key-accounts")
	String mine(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			Authentication auth, Model model) {
		Set<String> roles = LayoutAdvice.effectiveRoles(auth, hierarchy);
		boolean mayAll = roles.contains("AFTER_SALES") || roles.contains("AFTER_SALES_MANAGER");
		model.addAttribute("mayAll", mayAll);
		model.addAttribute("all", all && mayAll);
		model.addAttribute("page", keyAccounts.mine(all && mayAll, KeyAccounts.page(page, 50)));
		model.addAttribute("expiring", contracts.expiringSoon(20));
		model.addAttribute("today", keyAccounts.today());
		return "crm/accounts";
	}

	@GetMapping("/key-accounts/{id}")
	String account(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
		KeyAccount k = keyAccounts.readable(id);
		if (k == null) {
			throw new com.kcm.shared.domain.NotFoundException(KeyAccounts.TYPE, id);
		}
		LocalDate today = keyAccounts.today();
		var customer = customers.get(id);
		model.addAttribute("customer", customer);
		model.addAttribute("account", KeyAccounts.row(k, today));
		model.addAttribute("org", k);
		model.addAttribute("klass", classes.of(id));
		model.addAttribute("plan", keyAccounts.plan(id, today, customer.effectiveClass()));
		model.addAttribute("contacts", keyAccounts.contacts(id, false));
		model.addAttribute("visits", keyAccounts.visitsOf(id, KeyAccounts.page(page, 20)));
		model.addAttribute("contracts", contracts.ofCustomer(id));
		model.addAttribute("today", today);
		model.addAttribute("kinds", Visit.Kind.values());
		return "crm/account";
	}

	@PostMapping("/key-accounts/{id}/visits")
	String recordVisit(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String content, @RequestParam(required = false) String feedback,
			@RequestParam(required = false) String nextSteps,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpDue,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> keyAccounts.recordVisit(id,
				new KeyAccounts.VisitCommand(date, kind, participants, content, feedback, nextSteps, followUpDue)));
	}

	@PostMapping("/key-accounts/{id}/visits/{visit}/follow-up-done")
	String followUpDone(@PathVariable long id, @PathVariable long visit, RedirectAttributes redirect) {
		return act(id, redirect, () -> keyAccounts.followUpDone(visit));
	}

	@PostMapping("/key-accounts/{id}/organisation")
	String describe(@PathVariable long id, @RequestParam(required = false) String organisationName,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Integer fleetSize,
			@RequestParam(required = false) String address, RedirectAttributes redirect) {
		return act(id, redirect, () -> keyAccounts.describe(id, organisationName, industry, fleetSize, address));
	}

	@PostMapping("/key-accounts/{id}/contacts")
	String addContact(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String position, @RequestParam(required = false) String phone,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> keyAccounts.addContact(id, new KeyAccounts.ContactCommand(name, position, phone)));
	}

	@PostMapping("/key-accounts/{id}/contracts")
	String createContract(@PathVariable long id, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
			@RequestParam(required = false) BigDecimal value, RedirectAttributes redirect) {
		return act(id, redirect, () -> contracts.create(id, new Contracts.ContractCommand(number, signedOn, start, end, value)));
	}

	@PostMapping("/key-accounts/{id}/contracts/{contract}/activate")
	String activate(@PathVariable long id, @PathVariable long contract, RedirectAttributes redirect) {
		return act(id, redirect, () -> contracts.activate(contract));
	}

	@PostMapping("/key-accounts/{id}/contracts/{contract}/terminate")
	String terminate(@PathVariable long id, @PathVariable long contract, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> contracts.terminate(contract, reason));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, "OK", LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("errors", Messages.render(messages, e.violations()));
		} catch (DomainException e) {
			redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.code(), e.args(), e.code(),
					LocaleContextHolder.getLocale())));
		}
		return "redirect:/key-accounts/" + id;
	}
}
