package com.kcm.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/** The CAPA pages: the list (overdue highlighted), a new action, one action with its steps and history. */
@Controller
@PreAuthorize(QualityRoles.CAPA)
class CapaPages {

	private final Capas capas;
	private final MessageSource messages;

	CapaPages(Capas capas, MessageSource messages) {
		this.capas = capas;
		this.messages = messages;
	}

	@GetMapping("/quality/capas")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model m) {
		m.addAttribute("page", capas.list(status, PageRequest.of(Math.max(page, 0), 50)));
		return "quality/capas";
	}

	@GetMapping("/quality/capas/{id}")
	String detail(@PathVariable long id, Model m) {
		m.addAttribute("capa", capas.get(id));
		return "quality/capa";
	}

	@PostMapping("/quality/capas")
	String create(@RequestParam String title, @RequestParam String problem, @RequestParam String complaintIds,
			@RequestParam String owner, @RequestParam(required = false) String dueDate, RedirectAttributes redirect) {
		try {
			List<Long> ids = new ArrayList<>();
			for (String s : complaintIds.split("[,，\\s]+")) {
				if (!s.isBlank()) {
					ids.add(Long.parseLong(s.strip()));
				}
			}
			LocalDate due = dueDate == null || dueDate.isBlank() ? null : LocalDate.parse(dueDate);
			CapaView c = capas.create(new Capas.NewCapa(title, problem, ids, owner, due));
			return "redirect:/quality/capas/" + c.id();
		} catch (NumberFormatException | java.time.DateTimeException e) {
			redirect.addFlashAttribute("flash", messages.getMessage("quality.capa.badInput", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("flash", String.join("; ", Messages.render(messages, e.violations())));
		}
		return "redirect:/quality/capas";
	}

	@PostMapping("/quality/capas/{id}/{step}")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String text,
			@RequestParam(required = false) String rootCause, @RequestParam(required = false) String correctiveAction,
			@RequestParam(required = false) String preventiveAction, RedirectAttributes redirect) {
		try {
			switch (step) {
				case "start" -> capas.start(id);
				case "analyse" -> capas.analyse(id, new Capas.Analysis(rootCause, correctiveAction, preventiveAction));
				case "done" -> capas.done(id);
				case "verify" -> capas.verify(id, text);
				case "reject" -> capas.reject(id, text);
				default -> throw new com.kcm.shared.domain.NotFoundException("capa step", step);
			}
		} catch (ValidationException e) {
			redirect.addFlashAttribute("flash", String.join("; ", Messages.render(messages, e.violations())));
		} catch (DomainException e) {
			redirect.addFlashAttribute("flash", messages.getMessage(e.code(), e.args(),
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		return "redirect:/quality/capas/" + id;
	}
}
