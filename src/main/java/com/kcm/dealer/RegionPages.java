package com.kcm.dealer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/** Regions (ADMIN): list with dealer counts, create, rename, import. */
@Controller
@RequestMapping("/regions")
@PreAuthorize("hasRole('ADMIN')")
class RegionPages {

	private final DealerCatalog catalog;
	private final DealerNetwork network;
	private final DealerImports imports;
	private final MessageSource messages;

	RegionPages(DealerCatalog catalog, DealerNetwork network, DealerImports imports, MessageSource messages) {
		this.catalog = catalog;
		this.network = network;
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("regions", catalog.regions());
		model.addAttribute("counts", catalog.dealerCountByRegion());
		return "dealer/regions";
	}

	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("code", "");
		model.addAttribute("name", "");
		return "dealer/region-form";
	}

	@PostMapping("/new")
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name, Model model,
			RedirectAttributes redirect) {
		try {
			network.createRegion(new RegionCommand(code, name));
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("code", code);
			model.addAttribute("name", name);
			return "dealer/region-form";
		}
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/regions";
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		RegionSummary r = catalog.regionByCode(code).orElseThrow(() -> new NotFoundException("region", code));
		model.addAttribute("region", r);
		model.addAttribute("code", r.code());
		model.addAttribute("name", r.name());
		return "dealer/region-form";
	}

	@PostMapping("/{code}")
	String edit(@PathVariable String code, @RequestParam(required = false) String name, Model model,
			RedirectAttributes redirect) {
		RegionSummary r = catalog.regionByCode(code).orElseThrow(() -> new NotFoundException("region", code));
		try {
			network.renameRegion(code, new RegionCommand(code, name));
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("region", r);
			model.addAttribute("code", r.code());
			model.addAttribute("name", name);
			return "dealer/region-form";
		}
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/regions";
	}

	@GetMapping("/import")
	String importForm(Model model) {
		model.addAttribute("kind", "regions");
		model.addAttribute("columns", DealerImports.REGION_COLUMNS);
		return "dealer/import";
	}

	@PostMapping("/import")
	String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try (InputStream in = DealerApi.open(file)) {
			int n = imports.importRegions(file.getOriginalFilename(), in);
			redirect.addFlashAttribute("flash", messages.getMessage("import.done", new Object[] { n },
					LocaleContextHolder.getLocale()));
			return "redirect:/regions";
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("kind", "regions");
			model.addAttribute("columns", DealerImports.REGION_COLUMNS);
			return "dealer/import";
		}
	}

	@GetMapping("/import/template")
	void importTemplate(HttpServletResponse response) throws IOException {
		DealerPages.template(response, "region-import.xlsx", DealerImports.REGION_COLUMNS, List.of("NE", "东北大区"));
	}
}
