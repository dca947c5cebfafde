package com.kcm.complaint.web;

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

import com.kcm.complaint.ComplaintSubCategories;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/**
 * The administrators' page of the classification standard (客户抱怨分类标准): every sub-category by category, a form
 * to add one, and (de)activation; each change audited by {@link ComplaintSubCategories}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SubCategoryPages {

	private final ComplaintSubCategories subCategories;
	private final MessageSource messages;

	SubCategoryPages(ComplaintSubCategories subCategories, MessageSource messages) {
		this.subCategories = subCategories;
		this.messages = messages;
	}

	@GetMapping("/admin/complaint-sub-categories")
	String list(Model model) {
		model.addAttribute("subCategories", subCategories.all());
		return "complaint/sub-categories";
	}

	@PostMapping("/admin/complaint-sub-categories")
	String add(@RequestParam(required = false) String code, @RequestParam(required = false) String category,
			@RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
			@RequestParam(required = false) Integer order, Model model, RedirectAttributes redirect) {
		try {
			subCategories.add(code, category, nameZh, nameEn, order);
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("form", java.util.Map.of("code", code == null ? "" : code, "category",
					category == null ? "" : category, "nameZh", nameZh == null ? "" : nameZh, "nameEn",
					nameEn == null ? "" : nameEn));
			return list(model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/admin/complaint-sub-categories";
	}

	@PostMapping("/admin/complaint-sub-categories/{code}/active")
	String active(@PathVariable String code, @RequestParam boolean active, RedirectAttributes redirect) {
		subCategories.setActive(code, active);
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/admin/complaint-sub-categories";
	}
}
