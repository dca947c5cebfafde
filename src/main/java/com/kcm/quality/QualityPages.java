package com.kcm.quality;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.audit.Audit;
import com.kcm.customer.VehicleView;
import com.kcm.customer.Vehicles;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.io.XlsxExport;
import com.kcm.shared.web.Messages;

/**
 * The pages of the 三包 watch: the list of flagged vehicles (filters, xlsx), one vehicle's 三包 block with its
 * repair orders, the block alone for other pages to load (customer, complaint), and the repair-order import.
 */
@Controller
class QualityPages {

	static final int EXPORT_PAGE = 1_000;

	private final SanbaoWatch watch;
	private final RepairOrderStore store;
	private final RepairOrderFile files;
	private final Vehicles vehicles;
	private final DealerCatalog dealers;
	private final MessageSource messages;
	private final Audit audit;
	private final ReplacementRequests requests;
	private final org.springframework.security.access.hierarchicalroles.RoleHierarchy hierarchy;

	QualityPages(SanbaoWatch watch, RepairOrderStore store, RepairOrderFile files, Vehicles vehicles,
			DealerCatalog dealers, MessageSource messages, Audit audit, ReplacementRequests requests,
			org.springframework.security.access.hierarchicalroles.RoleHierarchy hierarchy) {
		this.hierarchy = hierarchy;
		this.requests = requests;
		this.watch = watch;
		this.store = store;
		this.files = files;
		this.vehicles = vehicles;
		this.dealers = dealers;
		this.messages = messages;
		this.audit = audit;
	}

	/** A flag-list row with the selling dealer resolved. */
	record FlagLine(String vin, String model, String dealer, SanbaoFlag flag, String detail, Instant computedAt,
			Instant reachedAt) {
	}

	@GetMapping("/quality/sanbao")
	@PreAuthorize(QualityRoles.WATCH)
	String flagged(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String dealerCode, @RequestParam(required = false) String model,
			@RequestParam(defaultValue = "0") int page, Model m) {
		RepairOrderStore.FlagFilter filter = filter(code, state, dealerCode, model);
		PageRequest request = PageRequest.of(Math.max(page, 0), 50);
		long total = filter == null ? 0 : store.countFlags(filter);
		List<FlagLine> lines = total == 0 ? List.of() : lines(store.flags(filter, request.getOffset(), 50));
		m.addAttribute("page", new PageImpl<>(lines, request, Math.min(total, RepairOrderStore.COUNT_CAP)));
		m.addAttribute("capped", total > RepairOrderStore.COUNT_CAP);
		m.addAttribute("codes", SanbaoCalculator.CODES);
		return "quality/sanbao";
	}

	@GetMapping("/quality/sanbao/export")
	@PreAuthorize(QualityRoles.WATCH)
	void export(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String dealerCode, @RequestParam(required = false) String model,
			HttpServletResponse response) throws IOException {
		RepairOrderStore.FlagFilter filter = filter(code, state, dealerCode, model);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"sanbao-flags.xlsx\"");
		List<String> headers = List.of("VIN", text("field.model", locale), text("field.sellingDealerCode", locale),
				text("quality.list.flag", locale), text("quality.list.state", locale), text("quality.list.figure", locale),
				text("quality.list.threshold", locale), text("quality.list.article", locale),
				text("quality.list.detail", locale), text("quality.list.reachedAt", locale));
		long[] rows = { 0 };
		XlsxExport.write(response.getOutputStream(), text("quality.list.title", locale), null, headers, sink -> {
			if (filter == null) {
				return;
			}
			for (long offset = 0;; offset += EXPORT_PAGE) {
				List<FlagLine> lines = lines(store.flags(filter, offset, EXPORT_PAGE));
				for (FlagLine l : lines) {
					sink.row(java.util.Arrays.asList(l.vin(), l.model(), l.dealer(),
							text("quality.flag." + l.flag().code(), locale), text("quality.state." + l.flag().state(), locale),
							l.flag().figure(), l.flag().threshold(), l.flag().article(), l.detail(),
							l.reachedAt() == null ? null : l.reachedAt().atZone(com.kcm.shared.TimeConfig.BUSINESS_ZONE)
									.toLocalDateTime()));
					rows[0]++;
				}
				if (lines.size() < EXPORT_PAGE) {
					break;
				}
			}
		});
		audit.event(Audit.EXPORT, "sanbao_flag", null, rows[0] + " rows");
	}

	/** Null when the dealer code is unknown (nothing matches). */
	private RepairOrderStore.FlagFilter filter(String code, String state, String dealerCode, String model) {
		Long dealerId = null;
		if (dealerCode != null && !dealerCode.isBlank()) {
			dealerId = dealers.byCode(dealerCode.strip()).map(DealerSummary::id).orElse(null);
			if (dealerId == null) {
				return null;
			}
		}
		String s = "REACHED".equals(state) || "APPROACHING".equals(state) ? state : null;
		String c = code != null && SanbaoCalculator.CODES.contains(code) ? code : null;
		return new RepairOrderStore.FlagFilter(c, s, dealerId, model);
	}

	private List<FlagLine> lines(List<RepairOrderStore.FlagRow> rows) {
		Set<Long> ids = rows.stream().map(RepairOrderStore.FlagRow::sellingDealerId).filter(java.util.Objects::nonNull)
				.collect(Collectors.toSet());
		Map<Long, DealerSummary> byId = ids.isEmpty() ? Map.of() : dealers.byIds(ids);
		return rows.stream().map(r -> new FlagLine(r.vin(), r.model(),
				r.sellingDealerId() == null || byId.get(r.sellingDealerId()) == null ? null
						: byId.get(r.sellingDealerId()).label(),
				r.flag(), SanbaoFlags.detail(r.flag()), r.computedAt(), r.reachedAt())).toList();
	}

	@GetMapping("/quality/vehicles/{vin}")
	@PreAuthorize(QualityRoles.READ)
	String vehicle(@PathVariable String vin, @RequestParam(defaultValue = "0") int page, Model m) {
		VehicleView v = vehicles.visibleByVin(vin);
		m.addAttribute("vehicle", v);
		m.addAttribute("state", watch.stateOf(v.vin(), null));
		m.addAttribute("orders", watch.repairOrders(List.of(v.vin()), PageRequest.of(Math.max(page, 0), 20)));
		return "quality/vehicle";
	}

	/**
	 * The 三包 block of one vehicle alone, for other pages to load (htmx): with {@code productQuality} the block
	 * marks a reached flag for after-sales (a product-quality complaint).
	 */
	@GetMapping("/quality/vehicles/{vin}/block")
	@PreAuthorize(QualityRoles.READ)
	String block(@PathVariable String vin, @RequestParam(defaultValue = "false") boolean productQuality, Model m) {
		VehicleView v = vehicles.visibleByVin(vin);
		SanbaoWatch.Overview o = watch.overview(v, 5);
		m.addAttribute("vehicle", v);
		m.addAttribute("state", o.state());
		m.addAttribute("productQuality", productQuality);
		m.addAttribute("orders", o.latest());
		return "quality/block :: block";
	}

	@GetMapping("/quality/complaints/{id}/requests")
	@PreAuthorize(QualityRoles.READ)
	String requestBlock(@PathVariable long id, Model m, org.springframework.security.core.Authentication user) {
		Set<String> roles = com.kcm.shared.web.LayoutAdvice.effectiveRoles(user, hierarchy);
		m.addAttribute("mayRecord", roles.contains("CS_AGENT") || roles.contains("CS_SUPERVISOR")
				|| roles.contains("AFTER_SALES") || roles.contains("AFTER_SALES_MANAGER"));
		m.addAttribute("complaintId", id);
		m.addAttribute("requests", requests.ofComplaint(id));
		return "quality/requests :: requests";
	}

	@PostMapping("/quality/complaints/{id}/requests")
	@PreAuthorize(QualityRoles.REQUEST)
	String recordRequest(@PathVariable long id, @RequestParam String kind,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			requests.record(id, kind, null);
		} catch (ValidationException e) {
			redirect.addFlashAttribute("flash", String.join("; ", Messages.render(messages, e.violations())));
		}
		return "redirect:/complaints/" + id;
	}

	@PostMapping("/quality/replacement-requests/{id}/answer")
	@PreAuthorize(QualityRoles.REQUEST)
	String answerRequest(@PathVariable long id, @RequestParam String answer,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		ReplacementRequestView v;
		try {
			v = requests.answer(id, answer);
		} catch (ValidationException e) {
			redirect.addFlashAttribute("flash", String.join("; ", Messages.render(messages, e.violations())));
			return "redirect:/quality/sanbao";
		}
		return "redirect:/complaints/" + v.complaintId();
	}

	@PostMapping("/quality/replacement-requests/{id}/complete")
	@PreAuthorize(QualityRoles.REQUEST)
	String completeRequest(@PathVariable long id) {
		return "redirect:/complaints/" + requests.complete(id).complaintId();
	}

	@GetMapping("/quality/repair-orders/import")
	@PreAuthorize(QualityRoles.IMPORT)
	String importForm(Model m) {
		m.addAttribute("columns", RepairOrderFile.columnMap());
		return "quality/import";
	}

	@PostMapping("/quality/repair-orders/import")
	@PreAuthorize(QualityRoles.IMPORT)
	String upload(@RequestParam("file") MultipartFile file, Model m) throws IOException {
		m.addAttribute("columns", RepairOrderFile.columnMap());
		try {
			int n = files.importFile(file.getOriginalFilename(), file.getInputStream());
			m.addAttribute("imported", messages.getMessage("quality.import.done", new Object[] { n },
					LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			m.addAttribute("errors", Messages.render(messages, e.violations()));
		}
		return "quality/import";
	}

	@GetMapping("/quality/repair-orders/template.xlsx")
	@PreAuthorize(QualityRoles.IMPORT)
	void template(HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"repair-orders-template.xlsx\"");
		files.template(response.getOutputStream());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
