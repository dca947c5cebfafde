package com.kcm.dealer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.io.XlsxExport;
import com.kcm.shared.web.Messages;

/**
 * The dealer pages: a filtered, sorted, paged list with xlsx export, the details with status and star
 * history, and (ADMIN) the create and edit forms, dated status and star changes and the import. Every
 * list and lookup is scoped to the caller.
 */
@Controller
@RequestMapping("/dealers")
class DealerPages {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final int EXPORT_PAGE = 500;

	private final DealerCatalog catalog;
	private final DealerNetwork network;
	private final DealerImports imports;
	private final CurrentUsers currentUsers;
	private final Audit audit;
	private final MessageSource messages;

	DealerPages(DealerCatalog catalog, DealerNetwork network, DealerImports imports, CurrentUsers currentUsers,
			Audit audit, MessageSource messages) {
		this.catalog = catalog;
		this.network = network;
		this.imports = imports;
		this.currentUsers = currentUsers;
		this.audit = audit;
		this.messages = messages;
	}

	@ModelAttribute("admin")
	boolean admin() {
		return currentUsers.find().map(u -> u.has(Role.ADMIN)).orElse(false);
	}

	@ModelAttribute("statuses")
	List<DealerStatus> statuses() {
		return Arrays.asList(DealerStatus.values());
	}

	@ModelAttribute("types")
	List<String> types() {
		return Arrays.stream(DealerType.values()).map(DealerType::code).toList();
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
		DealerSearch filter = new DealerSearch(region, type, status, q);
		model.addAttribute("page", catalog.search(filter, PageRequest.of(Math.max(page, 0), 20, DealerCatalog.sortOf(sort))));
		model.addAttribute("regions", catalog.visibleRegions());
		return "dealer/dealers";
	}

	/** The current filter as xlsx, written page by page from the database. */
	@GetMapping("/export")
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
		DealerSearch filter = new DealerSearch(region, type, status, q);
		Locale locale = LocaleContextHolder.getLocale();
		catalog.search(filter, PageRequest.of(0, 1)); // a bad filter fails before the download starts
		audit.event(Audit.EXPORT, "dealer", null, "region=" + region + " type=" + type + " status=" + status + " q=" + q);
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"dealers.xlsx\"; filename*=UTF-8''"
				+ URLEncoder.encode(text("dealers.title", locale) + ".xlsx", StandardCharsets.UTF_8));
		List<String> headers = List.of(text("field.code", locale), text("field.name", locale), text("field.type", locale),
				text("field.regionCode", locale), text("field.region", locale), text("field.status", locale),
				text("field.starLevel", locale), text("field.acceptedOn", locale), text("field.contactPhone", locale),
				text("field.contactEmail", locale));
		try (OutputStream out = response.getOutputStream()) {
			XlsxExport.write(out, text("dealers.title", locale), null, headers, sink -> {
				Pageable p = PageRequest.of(0, EXPORT_PAGE, DealerCatalog.sortOf(sort));
				Page<DealerSummary> chunk;
				do {
					chunk = catalog.search(filter, p);
					for (DealerSummary d : chunk.getContent()) {
						sink.row(Arrays.asList(d.code(), d.name(), d.type().code(), d.regionCode(), d.regionName(),
								text("dealer.status." + d.status().name(), locale), d.starLevel(), d.acceptedOn(),
								d.contactPhone(), d.contactEmail()));
					}
					p = p.next();
				} while (chunk.hasNext());
			});
		}
	}

	@GetMapping("/{code}")
	String detail(@PathVariable String code, Model model) {
		DealerSummary d = catalog.visible(code);
		showDetail(d, model);
		return "dealer/dealer";
	}

	private void showDetail(DealerSummary d, Model model) {
		model.addAttribute("dealer", d);
		List<DatedStatus> statuses = catalog.statusHistory(d.id());
		List<DatedStar> stars = catalog.starHistory(d.id());
		model.addAttribute("statusHistory", newestFirst(statuses));
		model.addAttribute("starHistory", newestFirst(stars));
		model.addAttribute("today", catalog.today());
		model.addAttribute("zone", TimeConfig.BUSINESS_ZONE);
		if (!model.containsAttribute("statusChange")) {
			model.addAttribute("statusChange", new LinkedHashMap<>(Map.of("effectiveFrom", catalog.today().toString())));
		}
		if (!model.containsAttribute("starChange")) {
			model.addAttribute("starChange", new LinkedHashMap<>(Map.of("effectiveFrom", catalog.today().toString())));
		}
	}

	@PostMapping("/{code}/status")
	@PreAuthorize("hasRole('ADMIN')")
	String changeStatus(@PathVariable String code, @RequestParam(required = false) String status,
			@RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect) {
		try {
			network.changeStatus(code, new StatusChange(status, effectiveFrom, reason));
		} catch (ValidationException e) {
			model.addAttribute("statusErrors", Messages.render(messages, e.violations()));
			model.addAttribute("statusChange", formValues("status", status, "effectiveFrom", effectiveFrom, "reason", reason));
			showDetail(catalog.visible(code), model);
			return "dealer/dealer";
		}
		redirect.addFlashAttribute("flash", text("flash.saved", LocaleContextHolder.getLocale()));
		return "redirect:/dealers/" + catalog.visible(code).code();
	}

	@PostMapping("/{code}/star")
	@PreAuthorize("hasRole('ADMIN')")
	String changeStar(@PathVariable String code, @RequestParam(required = false) String starLevel,
			@RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect) {
		try {
			Violations v = new Violations();
			Integer star = null;
			try {
				star = starLevel == null || starLevel.isBlank() ? null : Integer.valueOf(starLevel.trim());
			} catch (NumberFormatException e) {
				v.field("starLevel", "dealer.star.invalid", starLevel);
			}
			v.throwIfAny();
			network.changeStar(code, new StarChange(star, effectiveFrom, reason));
		} catch (ValidationException e) {
			model.addAttribute("starErrors", Messages.render(messages, e.violations()));
			model.addAttribute("starChange", formValues("starLevel", starLevel, "effectiveFrom", effectiveFrom, "reason", reason));
			showDetail(catalog.visible(code), model);
			return "dealer/dealer";
		}
		redirect.addFlashAttribute("flash", text("flash.saved", LocaleContextHolder.getLocale()));
		return "redirect:/dealers/" + catalog.visible(code).code();
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(Model model) {
		model.addAttribute("form", new DealerForm());
		model.addAttribute("regions", catalog.regions());
		return "dealer/dealer-form";
	}

	@PostMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@ModelAttribute("form") DealerForm form, Model model, RedirectAttributes redirect) {
		try {
			Violations v = new Violations();
			DealerCommand cmd = form.command(v);
			v.throwIfAny();
			DealerSummary d = network.createDealer(cmd);
			redirect.addFlashAttribute("flash", text("flash.saved", LocaleContextHolder.getLocale()));
			return "redirect:/dealers/" + d.code();
		} catch (ValidationException e) {
			formErrors(e, model);
			model.addAttribute("regions", catalog.regions());
			return "dealer/dealer-form";
		}
	}

	@GetMapping("/{code}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable String code, Model model) {
		DealerSummary d = catalog.visible(code);
		model.addAttribute("dealer", d);
		model.addAttribute("form", DealerForm.of(d));
		model.addAttribute("regions", catalog.regions());
		return "dealer/dealer-form";
	}

	@PostMapping("/{code}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable String code, @ModelAttribute("form") DealerForm form, Model model,
			RedirectAttributes redirect) {
		DealerSummary d = catalog.visible(code);
		try {
			network.updateDealer(code, form.command(new Violations()));
		} catch (ValidationException e) {
			formErrors(e, model);
			model.addAttribute("dealer", d);
			model.addAttribute("regions", catalog.regions());
			return "dealer/dealer-form";
		}
		redirect.addFlashAttribute("flash", text("flash.saved", LocaleContextHolder.getLocale()));
		return "redirect:/dealers/" + d.code();
	}

	@GetMapping("/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importForm(Model model) {
		model.addAttribute("kind", "dealers");
		model.addAttribute("columns", DealerImports.DEALER_COLUMNS);
		return "dealer/import";
	}

	@PostMapping("/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try (InputStream in = DealerApi.open(file)) {
			int n = imports.importDealers(file.getOriginalFilename(), in);
			redirect.addFlashAttribute("flash", messages.getMessage("import.done", new Object[] { n },
					LocaleContextHolder.getLocale()));
			return "redirect:/dealers";
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("kind", "dealers");
			model.addAttribute("columns", DealerImports.DEALER_COLUMNS);
			return "dealer/import";
		}
	}

	@GetMapping("/import/template")
	@PreAuthorize("hasRole('ADMIN')")
	void importTemplate(HttpServletResponse response) throws IOException {
		template(response, "dealer-import.xlsx", DealerImports.DEALER_COLUMNS, List.of("D9001", "上海浦东汽车销售服务有限公司",
				"4S", "E", "ACTIVE", "2024-06-01", "3", "021-58880000", "service@example.cn"));
	}

	static void template(HttpServletResponse response, String filename, Map<String, List<String>> columns,
			List<String> example) throws IOException {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
		List<String> headers = columns.values().stream().map(aliases -> aliases.get(0)).toList();
		try (OutputStream out = response.getOutputStream()) {
			XlsxExport.write(out, "import", null, headers, sink -> sink.row(example));
		}
	}

	/** Errors by field for the inline messages, and the whole list for the summary. */
	private void formErrors(ValidationException e, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		for (Violation v : e.violations()) {
			if (v.field() != null) {
				byField.merge(v.field(), messages.getMessage(v.code(), v.args(), v.code(), locale), (a, b) -> a + "；" + b);
			}
		}
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errors", Messages.render(messages, e.violations()));
	}

	private static Map<String, String> formValues(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1]);
		}
		return m;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static <T> List<T> newestFirst(List<T> ascending) {
		List<T> l = new ArrayList<>(ascending);
		Collections.reverse(l);
		return l;
	}
}
