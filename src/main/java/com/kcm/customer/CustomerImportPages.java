package com.kcm.customer;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/** The import page: upload a customer or vehicle file, see every bad row or the number imported; templates. */
@Controller
@PreAuthorize(CustomerRoles.IMPORT)
class CustomerImportPages {

	private final CustomerImport imports;
	private final MessageSource messages;

	CustomerImportPages(CustomerImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/customers/import")
	String form() {
		return "customer/import";
	}

	@PostMapping("/customers/import")
	String upload(@RequestParam String what, @RequestParam("file") MultipartFile file, Model model) throws IOException {
		model.addAttribute("what", what);
		try {
			int n = "vehicles".equals(what) ? imports.importVehicles(file.getOriginalFilename(), file.getInputStream())
					: imports.importCustomers(file.getOriginalFilename(), file.getInputStream());
			model.addAttribute("imported", messages.getMessage("customer.import.done", new Object[] { n },
					LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
		}
		return "customer/import";
	}

	@GetMapping("/customers/import/template/{what}.xlsx")
	void template(@PathVariable String what, HttpServletResponse response) throws IOException {
		if (!what.equals("customers") && !what.equals("vehicles")) {
			throw new NotFoundException("template", what);
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + what + "-template.xlsx\"");
		imports.template(what, response.getOutputStream());
	}
}
