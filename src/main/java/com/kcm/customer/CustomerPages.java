package com.kcm.customer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.privacy.ExportApprovals;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The customer pages: the agent's lookup and the list, the detail with reveal and merge, the forms, the export. */
@Controller
@PreAuthorize(CustomerRoles.READ)
class CustomerPages {

	private final Customers customers;
	private final Vehicles vehicles;
	private final CustomerExport export;
	private final MessageSource messages;
	private final RoleHierarchy hierarchy;
	private final ExportApprovals approvals;

	static final String EXPORT_KIND = "customers";

	CustomerPages(Customers customers, Vehicles vehicles, CustomerExport export, MessageSource messages,
			RoleHierarchy hierarchy, ExportApprovals approvals) {
		this.approvals = approvals;
		this.customers = customers;
		this.vehicles = vehicles;
		this.export = export;
		this.messages = messages;
		this.hierarchy = hierarchy;
	}

	@ModelAttribute
	void rights(Authentication auth, Model model) {
		Set<String> roles = LayoutAdvice.effectiveRoles(auth, hierarchy);
		boolean scoped = roles.contains("DEALER") || roles.contains("REGIONAL");
		model.addAttribute("mayEdit", roles.contains("CS_AGENT") || roles.contains("AFTER_SALES")
				|| roles.contains("ACCOUNT_MANAGER"));
		model.addAttribute("mayMerge", roles.contains("AFTER_SALES") || roles.contains("CS_SUPERVISOR"));
		model.addAttribute("mayImport", roles.contains("AFTER_SALES") || roles.contains("CS_SUPERVISOR")
				|| roles.contains("ACCOUNT_MANAGER"));
		model.addAttribute("central", !scoped);
		model.addAttribute("kinds", CustomerKind.values());
		model.addAttribute("classes", CustomerClass.values());
	}

	@GetMapping("/customers")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String customerClass,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String keyAccount,
			@RequestParam(defaultValue = "false") boolean duplicates, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String sort, Model model) {
		if (q != null && !q.isBlank()) {
			model.addAttribute("lookup", customers.lookup(q));
			model.addAttribute("matchedBy", LookupQuery.of(q).map(LookupQuery::kind).orElse(null));
		} else {
			model.addAttribute("page", customers.list(CustomerListing.filter(customerClass, kind, keyAccount, duplicates),
					CustomerListing.page(page, 20, sort)));
		}
		return "customer/list";
	}

	/**
	 * The list as xlsx. An export of more rows than the policy's threshold is not written: the page asks for
	 * its purpose and records it for a second approver (SPEC §8); the requester downloads it once approved.
	 */
	@GetMapping("/customers/export")
	ModelAndView export(@RequestParam(required = false) String customerClass, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String keyAccount, @RequestParam(defaultValue = "false") boolean duplicates,
			@RequestParam(required = false) String sort, Model model, HttpServletResponse response) throws IOException {
		CustomerFilter filter = CustomerListing.filter(customerClass, kind, keyAccount, duplicates);
		long rows = customers.count(filter);
		if (approvals.needsApproval(rows)) {
			model.addAttribute("rows", rows);
			model.addAttribute("threshold", approvals.threshold());
			model.addAttribute("parameters", exportParameters(customerClass, kind, keyAccount, duplicates, sort));
			return new ModelAndView("customer/export-request", model.asMap());
		}
		writeExport(filter, sort, response);
		return null; // written: a null ModelAndView marks the request handled
	}

	@PostMapping("/customers/export/request")
	String requestExport(@RequestParam(required = false) String customerClass, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String keyAccount, @RequestParam(defaultValue = "false") boolean duplicates,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String reason, Model model) {
		CustomerFilter filter = CustomerListing.filter(customerClass, kind, keyAccount, duplicates);
		long rows = customers.count(filter);
		Map<String, String> parameters = exportParameters(customerClass, kind, keyAccount, duplicates, sort);
		try {
			long id = approvals.request(EXPORT_KIND, parameters, rows, reason);
			return "redirect:/exports/" + id;
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("rows", rows);
			model.addAttribute("threshold", approvals.threshold());
			model.addAttribute("parameters", parameters);
			return "customer/export-request";
		}
	}

	/** The approved export, for its requester, once (the request records the download). */
	@GetMapping("/customers/export/requests/{id}")
	void releasedExport(@PathVariable long id, HttpServletResponse response) throws IOException {
		Map<String, String> p = approvals.release(id, EXPORT_KIND);
		writeExport(CustomerListing.filter(p.get("customerClass"), p.get("kind"), p.get("keyAccount"),
				Boolean.parseBoolean(p.get("duplicates"))), p.get("sort"), response);
	}

	private void writeExport(CustomerFilter filter, String sort, HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"customers-" + LocalDate.now() + ".xlsx\"");
		export.write(filter, CustomerListing.sort(sort), LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	private static Map<String, String> exportParameters(String customerClass, String kind, String keyAccount,
			boolean duplicates, String sort) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("customerClass", blankToNull(customerClass));
		p.put("kind", blankToNull(kind));
		p.put("keyAccount", blankToNull(keyAccount));
		p.put("duplicates", duplicates ? "true" : null);
		p.put("sort", blankToNull(sort));
		p.values().removeIf(java.util.Objects::isNull);
		return p;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	@GetMapping("/customers/{id}")
	String detail(@PathVariable long id, Model model) {
		CustomerView c = customers.get(id);
		model.addAttribute("customer", c);
		model.addAttribute("duplicates", c.merged() ? List.of() : customers.duplicatesOf(id));
		model.addAttribute("mayReveal", customers.mayReveal());
		return "customer/detail";
	}

	/** htmx: the personal data in full, replacing the masked block; audited. */
	@PostMapping("/customers/{id}/reveal")
	String reveal(@PathVariable long id, Model model) {
		model.addAttribute("customer", customers.reveal(id));
		model.addAttribute("mayReveal", false);
		return "customer/detail :: personal";
	}

	@GetMapping("/customers/new")
	@PreAuthorize(CustomerRoles.WRITE)
	String create(Model model) {
		model.addAttribute("form", new CustomerForm());
		return "customer/form";
	}

	@PostMapping("/customers/new")
	@PreAuthorize(CustomerRoles.WRITE)
	String create(@ModelAttribute("form") CustomerForm form, Model model, RedirectAttributes redirect) {
		try {
			Violations v = new Violations();
			CustomerCommand cmd = form.command(v);
			long id = customers.create(cmd, v).id();
			redirect.addFlashAttribute("flash", text("flash.saved"));
			return "redirect:/customers/" + id;
		} catch (ValidationException e) {
			invalid(e, model);
			return "customer/form";
		}
	}

	@GetMapping("/customers/{id}/edit")
	@PreAuthorize(CustomerRoles.WRITE)
	String edit(@PathVariable long id, Model model) {
		CustomerView c = customers.get(id);
		model.addAttribute("customer", c);
		model.addAttribute("form", CustomerForm.of(c));
		return "customer/form";
	}

	@PostMapping("/customers/{id}/edit")
	@PreAuthorize(CustomerRoles.WRITE)
	String edit(@PathVariable long id, @ModelAttribute("form") CustomerForm form, Model model,
			RedirectAttributes redirect) {
		try {
			Violations v = new Violations();
			CustomerCommand cmd = form.command(v);
			customers.update(id, cmd, v);
			redirect.addFlashAttribute("flash", text("flash.saved"));
			return "redirect:/customers/" + id;
		} catch (ValidationException e) {
			model.addAttribute("customer", customers.get(id));
			invalid(e, model);
			return "customer/form";
		}
	}

	/** Merges customer {@code mergedId} into customer {@code id}. */
	@PostMapping("/customers/{id}/merge")
	@PreAuthorize(CustomerRoles.MERGE)
	String merge(@PathVariable long id, @RequestParam long mergedId, RedirectAttributes redirect) {
		customers.merge(id, mergedId);
		redirect.addFlashAttribute("flash", text("customers.merged.flash"));
		return "redirect:/customers/" + id;
	}

	@GetMapping("/customers/{id}/vehicles/new")
	@PreAuthorize(CustomerRoles.WRITE)
	String newVehicle(@PathVariable long id, Model model) {
		model.addAttribute("customer", customers.get(id));
		model.addAttribute("form", new VehicleForm());
		return "customer/vehicle-form";
	}

	@PostMapping("/customers/{id}/vehicles/new")
	@PreAuthorize(CustomerRoles.WRITE)
	String newVehicle(@PathVariable long id, @ModelAttribute("form") VehicleForm form, Model model,
			RedirectAttributes redirect) {
		try {
			Violations v = new Violations();
			VehicleCommand cmd = form.command(id, v);
			vehicles.create(cmd, v);
			redirect.addFlashAttribute("flash", text("flash.saved"));
			return "redirect:/customers/" + id;
		} catch (ValidationException e) {
			model.addAttribute("customer", customers.get(id));
			invalid(e, model);
			return "customer/vehicle-form";
		}
	}

	@GetMapping("/vehicles/{id}/edit")
	@PreAuthorize(CustomerRoles.WRITE)
	String editVehicle(@PathVariable long id, Model model) {
		VehicleView v = vehicles.get(id);
		if (v.ownerId() == null) {
			throw new com.kcm.shared.domain.NotFoundException(Vehicles.TYPE, id);
		}
		model.addAttribute("vehicle", v);
		model.addAttribute("customer", customers.get(v.ownerId()));
		model.addAttribute("form", VehicleForm.of(v));
		return "customer/vehicle-form";
	}

	@PostMapping("/vehicles/{id}/edit")
	@PreAuthorize(CustomerRoles.WRITE)
	String editVehicle(@PathVariable long id, @ModelAttribute("form") VehicleForm form, Model model,
			RedirectAttributes redirect) {
		VehicleView current = vehicles.get(id);
		try {
			Violations v = new Violations();
			VehicleCommand cmd = form.command(current.ownerId(), v);
			vehicles.update(id, cmd, v);
			redirect.addFlashAttribute("flash", text("flash.saved"));
			return "redirect:/customers/" + current.ownerId();
		} catch (ValidationException e) {
			model.addAttribute("vehicle", current);
			model.addAttribute("customer", customers.get(current.ownerId()));
			invalid(e, model);
			return "customer/vehicle-form";
		}
	}

	/** The messages for the top of the form and, per field, for inline feedback. */
	private void invalid(ValidationException e, Model model) {
		model.addAttribute("errors", Messages.render(messages, e.violations()));
		Map<String, String> byField = new LinkedHashMap<>();
		for (Violation v : e.violations()) {
			if (v.field() != null) {
				byField.putIfAbsent(v.field(), messages.getMessage(v.code(), v.args(), v.code(),
						LocaleContextHolder.getLocale()));
			}
		}
		model.addAttribute("fieldErrors", byField);
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem customersMenu() {
			return new NavItem("master", 20, "nav.customers", "/customers",
					Set.of("CS_AGENT", "AFTER_SALES", "ACCOUNT_MANAGER", "DEALER", "REGIONAL"));
		}
	}
}
