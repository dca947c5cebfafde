package com.kcm.crm;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/**
 * The customer 360° page and its communication log, as a page and as {@code /api/v1/customers/{id}/360} and
 * {@code /api/v1/customers/{id}/communications}. Readable by every role that reads customers, scoped.
 */
@Controller
@PreAuthorize(CrmApi.READ)
class Customer360Pages {

	private final Customer360 view;
	private final Communications communications;
	private final MessageSource messages;
	private final com.kcm.complaint.CustomerComplaints complaints;

	Customer360Pages(Customer360 view, Communications communications, MessageSource messages,
			com.kcm.complaint.CustomerComplaints complaints) {
		this.complaints = complaints;
		this.view = view;
		this.communications = communications;
		this.messages = messages;
	}

	@GetMapping("/customers/{id}/360")
	String page(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("v", view.of(id, type, page));
		model.addAttribute("type", type);
		model.addAttribute("channels", CommunicationEntry.Channel.values());
		return "crm/customer360";
	}

	/** From the complaint page: the 360° page of the complaint's customer. */
	@GetMapping("/complaints/{id}/customer-360")
	String fromComplaint(@PathVariable long id) {
		return complaints.customerOf(id).map(c -> "redirect:/customers/" + c + "/360")
				.orElseThrow(() -> new com.kcm.shared.domain.NotFoundException("customer", "of complaint " + id));
	}

	@PostMapping("/customers/{id}/communications")
	String addEntry(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String direction, @RequestParam(required = false) String summary,
			@RequestParam(required = false) Long complaintId, @RequestParam(required = false) Long correctsId,
			RedirectAttributes redirect) {
		try {
			communications.add(id, new Communications.EntryCommand(channel, direction, null, summary, complaintId, correctsId));
			redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, "OK", LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("errors", Messages.render(messages, e.violations()));
		}
		return "redirect:/customers/" + id + "/360";
	}
}
