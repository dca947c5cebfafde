package com.kcm.voice.churn;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.audit.Audit;
import com.kcm.customer.Customers;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.io.XlsxExport;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/**
 * The churn pages (SPEC §7.6): figures as of a date by dealer, region and model with the 12-month trend (ECharts),
 * the churned customers (paged, xlsx streamed) with a retention-call form, and the reasons per dealer.
 */
@Controller
class ChurnPages {

	private final Churn churn;
	private final ChurnedCustomers churned;
	private final RetentionCalls calls;
	private final Customers customers;
	private final MessageSource messages;
	private final Audit audit;

	ChurnPages(Churn churn, ChurnedCustomers churned, RetentionCalls calls, Customers customers, MessageSource messages,
			Audit audit) {
		this.churn = churn;
		this.churned = churned;
		this.calls = calls;
		this.customers = customers;
		this.messages = messages;
		this.audit = audit;
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem churnMenu() {
			return new NavItem("crm", 40, "churn.nav", "/voice/churn", Set.of("AFTER_SALES", "AFTER_SALES_MANAGER",
					"ACCOUNT_MANAGER", "CS_SUPERVISOR", "DEALER", "REGIONAL"));
		}
	}

	/** Bad parameters on a page fall back to the defaults, with the message shown. */
	private Churn.Params params(String asOf, String months, Model m) {
		try {
			return churn.params(asOf, months);
		} catch (ValidationException e) {
			m.addAttribute("errors", Messages.render(messages, e.violations()));
			return churn.params(null, null);
		}
	}

	@GetMapping("/voice/churn")
	@PreAuthorize(ChurnRoles.READ)
	String figures(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months, Model m) {
		Churn.Params p = params(asOf, months, m);
		m.addAttribute("p", p);
		m.addAttribute("figures", churn.asOf(p.asOf(), p.months()));
		LocalDate to = p.asOf();
		m.addAttribute("reasons", calls.reasonsByDealer(to.minusMonths(12).plusDays(1), to));
		m.addAttribute("reasonCodes", RetentionCalls.Reason.values());
		return "voice/churn";
	}

	@GetMapping("/voice/churn/data/trend")
	@PreAuthorize(ChurnRoles.READ)
	@ResponseBody
	List<Churn.TrendPoint> trend(@RequestParam(required = false) String asOf,
			@RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		return churn.trend(p.asOf(), p.months());
	}

	@GetMapping("/voice/churn/customers")
	@PreAuthorize(ChurnRoles.READ)
	String customers(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months,
			@RequestParam(required = false) String dealerCode, @RequestParam(defaultValue = "0") int page, Model m) {
		Churn.Params p = params(asOf, months, m);
		m.addAttribute("p", p);
		m.addAttribute("dealerCode", dealerCode);
		m.addAttribute("list", churned.page(p.asOf(), p.months(), dealerCode, Math.max(0, page), 50));
		return "voice/churn-customers";
	}

	@GetMapping("/voice/churn/customers/export")
	@PreAuthorize(ChurnRoles.READ)
	void export(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months,
			@RequestParam(required = false) String dealerCode, HttpServletResponse response) throws IOException {
		Churn.Params p = churn.params(asOf, months);
		Locale l = LocaleContextHolder.getLocale();
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"churned-" + p.asOf() + ".xlsx\"");
		List<String> headers = new ArrayList<>();
		for (String h : List.of("customer", "name", "phone", "dealer", "dealerName", "lastVisit", "repairOrderNo", "vin",
				"model")) {
			headers.add(messages.getMessage("churn.col." + h, null, l));
		}
		String title = messages.getMessage("churn.export.title", new Object[] { p.asOf().toString(), p.months() }, l);
		XlsxExport.write(response.getOutputStream(), messages.getMessage("churn.customers.title", null, l), title, headers,
				sink -> churned.each(p.asOf(), p.months(), dealerCode, i -> sink.row(Arrays.asList(i.customerId(),
						i.name(), i.phone(), i.dealerCode(), i.dealerName(),
						ChurnedCustomers.DAY.format(i.lastVisit()), i.repairOrderNo(), i.vin(), i.model()))));
		audit.event(Audit.EXPORT, "churned_customers", null, p.asOf() + " months " + p.months()
				+ (dealerCode == null ? "" : " dealer " + dealerCode));
	}

	@GetMapping("/voice/churn/customers/{id}")
	@PreAuthorize(ChurnRoles.READ)
	String customer(@PathVariable long id, Model m) {
		m.addAttribute("calls", calls.of(id));
		m.addAttribute("customer", customers.unscoped(id));
		m.addAttribute("reasonCodes", RetentionCalls.Reason.values());
		m.addAttribute("outcomes", RetentionCalls.Outcome.values());
		return "voice/churn-customer";
	}

	@PostMapping("/voice/churn/customers/{id}/calls")
	@PreAuthorize(ChurnRoles.CALL)
	String call(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String reasonText, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, Model m, RedirectAttributes redirect) {
		try {
			calls.record(new RetentionCalls.Command(id, reason, reasonText, outcome, note));
		} catch (ValidationException e) {
			m.addAttribute("errors", Messages.render(messages, e.violations()));
			return customer(id, m);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/voice/churn/customers/" + id;
	}
}
