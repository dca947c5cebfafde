package com.kcm.complaint.web;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.complaint.ComplaintBoards;
import com.kcm.complaint.ComplaintIntake;
import com.kcm.complaint.ComplaintScreenshots;
import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;

/**
 * Intake: the agent's form with the instant customer lookup (htmx) and the repeat-call check, and
 * after-sales' online-complaint form with the screenshots of the post.
 */
@Controller
class IntakePages {

	private final ComplaintIntake intake;
	private final ComplaintScreenshots screenshots;
	private final ComplaintBoards boards;
	private final Customers customers;
	private final MessageSource messages;

	IntakePages(ComplaintIntake intake, ComplaintScreenshots screenshots, ComplaintBoards boards, Customers customers,
			MessageSource messages) {
		this.intake = intake;
		this.screenshots = screenshots;
		this.boards = boards;
		this.customers = customers;
		this.messages = messages;
	}

	@GetMapping("/complaints/new")
	@PreAuthorize(ComplaintRoles.INTAKE)
	String form(Model model) {
		model.addAttribute("form", new IntakeForm());
		return "complaint/intake";
	}

	/** htmx: the customers matching what was typed into the phone, VIN or plate field. */
	@GetMapping("/complaints/new/lookup")
	@PreAuthorize(ComplaintRoles.INTAKE)
	String lookup(@RequestParam(required = false) String q, @RequestParam(required = false) String customerPhone,
			@RequestParam(required = false) String vin, @RequestParam(required = false) String plate, Model model) {
		String query = Stream.of(q, customerPhone, vin, plate).filter(s -> s != null && s.trim().length() >= 4)
				.findFirst().orElse(null);
		List<CustomerView> found = query == null ? List.of() : customers.lookup(query.trim());
		model.addAttribute("query", query);
		model.addAttribute("matches", found);
		model.addAttribute("openCounts", boards.openCounts(found.stream().map(CustomerView::id).toList()));
		return "complaint/intake-parts :: lookup";
	}

	/** htmx: the chosen customer fills the customer part, with the open complaints a call may be about. */
	@GetMapping("/complaints/new/pick")
	@PreAuthorize(ComplaintRoles.INTAKE)
	String pick(@RequestParam long pick, @ModelAttribute("form") IntakeForm form, Model model) {
		CustomerView c = customers.get(pick);
		form.setCustomerId(c.id());
		form.setCustomerName(c.name());
		if (!c.vehicles().isEmpty() && ComplaintPages.blank(form.getVin()) == null) {
			form.setVin(c.vehicles().get(0).vin());
			form.setPlate(c.vehicles().get(0).plate());
		}
		model.addAttribute("picked", c);
		model.addAttribute("open", boards.openOfCustomer(c.id()));
		return "complaint/intake-parts :: customer";
	}

	@PostMapping("/complaints/new")
	@PreAuthorize(ComplaintRoles.INTAKE)
	String register(@ModelAttribute("form") IntakeForm form, Model model, RedirectAttributes redirect) {
		CustomerView picked = form.getCustomerId() == null ? null : customers.get(form.getCustomerId());
		String phone = ComplaintPages.blank(form.getCustomerPhone());
		if (phone == null && picked != null) {
			// the agent chose the customer by VIN or plate: use its number (read in full by the system, audited)
			phone = customers.forReference(picked.id(), true).phone();
		}
		Long customerId = picked != null ? Long.valueOf(picked.id())
				: phone == null ? null : customers.idsByPhone(phone).stream().findFirst().orElse(null);
		if (!form.isConfirmNew() && customerId != null) {
			var open = boards.openOfCustomer(customerId);
			if (!open.isEmpty()) {
				model.addAttribute("picked", picked != null ? picked : customers.forReference(customerId, false));
				model.addAttribute("open", open);
				return "complaint/intake";
			}
		}
		try {
			if ("REPAIR_REQUEST".equals(form.getKind()) && ComplaintPages.blank(form.getRepairReason()) == null) {
				// the API and history imports may leave it out (SPEC §4.1); the agent is asked for it
				throw ValidationException.of("repairReason", "complaint.repairReason.required");
			}
			var r = intake.registerOnce(form.hotline(phone), "web-" + form.getToken(), form.canonical());
			redirect.addFlashAttribute("flash", text("cweb.intake.done", "#" + r.complaintId()));
			return "redirect:/complaints/" + r.complaintId();
		} catch (ValidationException | DomainException e) {
			ComplaintWebAdvice.refused(e, messages, model);
			if (picked != null) {
				model.addAttribute("picked", picked);
			}
			return "complaint/intake";
		}
	}

	@GetMapping("/complaints/online/new")
	@PreAuthorize(ComplaintRoles.SPECIALIST)
	String onlineForm(Model model) {
		IntakeForm form = new IntakeForm();
		form.setChannel("ONLINE");
		model.addAttribute("form", form);
		return "complaint/online";
	}

	@PostMapping("/complaints/online/new")
	@PreAuthorize(ComplaintRoles.SPECIALIST)
	String registerOnline(@ModelAttribute("form") IntakeForm form,
			@RequestParam(name = "screenshots", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		try {
			var r = screenshots.registerOnline(form.online(), "web-" + form.getToken(), form.canonical(), "screenshots",
					uploads(files, "screenshots"));
			redirect.addFlashAttribute("flash", text("cweb.intake.done", "#" + r.complaintId()));
			return "redirect:/complaints/" + r.complaintId();
		} catch (ValidationException | DomainException e) {
			ComplaintWebAdvice.refused(e, messages, model);
			return "complaint/online";
		}
	}

	/** The files chosen in a multiple file field; the empty part a browser sends when none was chosen is skipped. */
	static List<ComplaintScreenshots.Upload> uploads(List<MultipartFile> files, String field) {
		return files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty())
						.map(f -> ComplaintScreenshots.Upload.of(f, field)).toList();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
