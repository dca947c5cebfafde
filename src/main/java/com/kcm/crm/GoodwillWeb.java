package com.kcm.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** Goodwill on a complaint and per dealer and month, and the printable handling form: pages and API. */
final class GoodwillWeb {

	static final String READ = "hasAnyRole('CS_AGENT','AFTER_SALES','DEALER','REGIONAL','ACCOUNT_MANAGER')";

	private GoodwillWeb() {
	}

	static ResponseEntity<byte[]> pdf(long complaintId, byte[] bytes) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"complaint-" + complaintId + "-form.pdf\"")
				.body(bytes);
	}

	record GoodwillAnswer(Long id, Long complaintId, String what, BigDecimal amount, Goodwill.Status status,
			String month, String proposedBy, String decidedBy) {

		static GoodwillAnswer of(Goodwill g) {
			return new GoodwillAnswer(g.getId(), g.getComplaintId(), g.getWhat(), g.getAmount(), g.getStatus(),
					g.getMonth(), g.getProposedBy(), g.getDecidedBy());
		}
	}

	@Controller
	@PreAuthorize(READ)
	static class Pages {

		private final Goodwills goodwills;
		private final HandlingForm form;
		private final MessageSource messages;
		private final Clock clock;

		Pages(Goodwills goodwills, HandlingForm form, MessageSource messages, Clock clock) {
			this.goodwills = goodwills;
			this.form = form;
			this.messages = messages;
			this.clock = clock;
		}

		@GetMapping("/complaints/{id}/goodwill")
		String page(@PathVariable long id, Model model) {
			model.addAttribute("complaintId", id);
			model.addAttribute("items", goodwills.of(id));
			return "crm/goodwill";
		}

		@PostMapping("/complaints/{id}/goodwill")
		String propose(@PathVariable long id, @RequestParam(required = false) String what,
				@RequestParam(required = false) BigDecimal amount, RedirectAttributes redirect) {
			return act(id, redirect, () -> goodwills.propose(id, what, amount));
		}

		@PostMapping("/complaints/{id}/goodwill/{g}/{decision:approve|reject}")
		String decide(@PathVariable long id, @PathVariable long g, @PathVariable String decision, RedirectAttributes redirect) {
			return act(id, redirect, () -> goodwills.decide(g, "approve".equals(decision)));
		}

		@GetMapping("/complaints/{id}/handling-form.pdf")
		ResponseEntity<byte[]> handlingForm(@PathVariable long id) {
			return pdf(id, form.pdf(id));
		}

		@GetMapping("/goodwill")
		String perDealer(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
			YearMonth m = month != null ? month : YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
			model.addAttribute("month", m);
			model.addAttribute("rows", goodwills.perDealer(m));
			return "crm/goodwill-month";
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
			return "redirect:/complaints/" + id + "/goodwill";
		}
	}

	@RestController
	@PreAuthorize(READ)
	static class Api {

		record Proposal(String what, BigDecimal amount) {
		}

		private final Goodwills goodwills;
		private final HandlingForm form;

		Api(Goodwills goodwills, HandlingForm form) {
			this.goodwills = goodwills;
			this.form = form;
		}

		@GetMapping("/api/v1/complaints/{id}/goodwill")
		List<GoodwillAnswer> list(@PathVariable long id) {
			return goodwills.of(id).stream().map(GoodwillAnswer::of).toList();
		}

		@PostMapping("/api/v1/complaints/{id}/goodwill")
		@ResponseStatus(HttpStatus.CREATED)
		GoodwillAnswer propose(@PathVariable long id, @RequestBody Proposal body) {
			return GoodwillAnswer.of(goodwills.propose(id, body.what(), body.amount()));
		}

		@PostMapping("/api/v1/goodwill/{id}/approve")
		GoodwillAnswer approve(@PathVariable long id) {
			return GoodwillAnswer.of(goodwills.decide(id, true));
		}

		@PostMapping("/api/v1/goodwill/{id}/reject")
		GoodwillAnswer reject(@PathVariable long id) {
			return GoodwillAnswer.of(goodwills.decide(id, false));
		}

		/** Per dealer for a month ({@code YYYY-MM}): approved count and total, proposals waiting. */
		@GetMapping("/api/v1/goodwill/summary")
		List<Goodwills.DealerMonth> summary(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
			return goodwills.perDealer(month);
		}

		@GetMapping("/api/v1/complaints/{id}/handling-form.pdf")
		ResponseEntity<byte[]> handlingForm(@PathVariable long id) {
			return pdf(id, form.pdf(id));
		}
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Menu {

		@Bean
		NavItem goodwillMenu() {
			return new NavItem("assessment", 40, "nav.crm.goodwill", "/goodwill", java.util.Set.of("AFTER_SALES", "DEALER", "REGIONAL"));
		}
	}
}
