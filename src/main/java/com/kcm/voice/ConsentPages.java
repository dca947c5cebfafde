package com.kcm.voice;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.customer.Customers;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/** A customer's consents page (history, paged, and the change form); the 360° page's form posts here too. */
@Controller
@PreAuthorize(VoiceRoles.CONSENTS)
class ConsentPages {

	private final Consents consents;
	private final Customers customers;
	private final MessageSource messages;

	ConsentPages(Consents consents, Customers customers, MessageSource messages) {
		this.consents = consents;
		this.customers = customers;
		this.messages = messages;
	}

	@GetMapping("/customers/{id}/consents")
	String page(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("customer", customers.get(id));
		model.addAttribute("states", consents.current(id));
		model.addAttribute("history", consents.history(id, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("purposes", ConsentPurpose.values());
		model.addAttribute("channels", ConsentChannel.values());
		return "voice/consents";
	}

	@PostMapping("/customers/{id}/consents")
	String record(@PathVariable long id, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String state, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String note, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			consents.record(id, new ConsentCommand(purpose, state, channel, null, note));
			redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, "OK", LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("errors", Messages.render(messages, e.violations()));
		}
		return "360".equals(back) ? "redirect:/customers/" + id + "/360" : "redirect:/customers/" + id + "/consents";
	}

}
