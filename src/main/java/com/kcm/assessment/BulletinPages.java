package com.kcm.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.dealer.DealerCatalog;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.shared.TimeConfig;

/** The monthly bulletin page (月度通报): month and region filter, paging, xlsx and PDF, the compute action. */
@Controller
@PreAuthorize(BulletinApi.READERS)
class BulletinPages {

	static final int PAGE_SIZE = 50;

	private final Bulletins bulletins;
	private final StoredResults stored;
	private final AssessmentComputation computation;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final MessageSource messages;
	private final Clock clock;

	BulletinPages(Bulletins bulletins, StoredResults stored, AssessmentComputation computation, DealerCatalog dealers,
			CurrentUsers users, MessageSource messages, Clock clock) {
		this.bulletins = bulletins;
		this.stored = stored;
		this.computation = computation;
		this.dealers = dealers;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/assessment/bulletin")
	String bulletin(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		YearMonth m = month == null || month.isBlank() ? defaultMonth(stored, clock) : Months.parse(month, "month");
		String r = region == null || region.isBlank() ? null : region.trim();
		Bulletins.Bulletin b = bulletins.bulletin(m, r);
		List<Bulletins.Row> rows = b.rows();
		int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(page, 0), pages - 1);
		List<Bulletins.Row> shown = rows.subList(p * PAGE_SIZE, Math.min((p + 1) * PAGE_SIZE, rows.size()));
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("bulletin", b);
		model.addAttribute("month", m.toString());
		model.addAttribute("region", r);
		model.addAttribute("heading", bulletins.title(b, locale));
		model.addAttribute("groups", shown.stream().collect(Collectors.groupingBy(
				x -> java.util.Objects.toString(x.regionName(), ""), java.util.LinkedHashMap::new, Collectors.toList())));
		model.addAttribute("unmet", shown.stream().collect(Collectors.toMap(Bulletins.Row::dealerCode,
				x -> bulletins.unmetText(x, locale), (a, c) -> a)));
		model.addAttribute("pct", new Bulletins.Percent());
		model.addAttribute("page", p);
		model.addAttribute("pages", pages);
		model.addAttribute("total", rows.size());
		model.addAttribute("regions", dealers.visibleRegions());
		model.addAttribute("mayCompute", mayCompute());
		model.addAttribute("cutoff", b.cutoff() == null ? null : b.cutoff().atZone(TimeConfig.BUSINESS_ZONE).toLocalDateTime());
		model.addAttribute("computedAt",
				b.computedAt() == null ? null : b.computedAt().atZone(TimeConfig.BUSINESS_ZONE).toLocalDateTime());
		return "assessment/bulletin";
	}

	/** Computes the month for every dealer (policy cut-off) and shows its bulletin. After-sales only. */
	@PostMapping("/assessment/bulletin/compute")
	@PreAuthorize("hasRole('AFTER_SALES')")
	String compute(@RequestParam String month, @RequestParam(required = false) String region,
			RedirectAttributes redirect) {
		YearMonth m = Months.parse(month, "month");
		int n = computation.compute(m, null);
		redirect.addFlashAttribute("flash", messages.getMessage("bulletin.computed",
				new Object[] { m.toString(), String.valueOf(n) }, LocaleContextHolder.getLocale()));
		redirect.addAttribute("month", m.toString());
		if (region != null && !region.isBlank()) {
			redirect.addAttribute("region", region.trim());
		}
		return "redirect:/assessment/bulletin";
	}

	@GetMapping("/assessment/bulletin/{month}/xlsx")
	void xlsx(@PathVariable String month, @RequestParam(required = false) String region, HttpServletResponse response)
			throws IOException {
		YearMonth m = Months.parse(month, "month");
		byte[] bytes = render(out -> bulletins.xlsx(m, region, LocaleContextHolder.getLocale(), out));
		send(response, BulletinApi.XLSX, "bulletin-" + m + ".xlsx", bytes);
	}

	@GetMapping("/assessment/bulletin/{month}/pdf")
	void pdf(@PathVariable String month, @RequestParam(required = false) String region, HttpServletResponse response)
			throws IOException {
		YearMonth m = Months.parse(month, "month");
		byte[] bytes = render(out -> bulletins.pdf(m, region, LocaleContextHolder.getLocale(), out));
		send(response, "application/pdf", "bulletin-" + m + ".pdf", bytes);
	}

	private boolean mayCompute() {
		return users.find().map(u -> u.hasAny(Role.AFTER_SALES, Role.AFTER_SALES_MANAGER, Role.ADMIN)).orElse(false);
	}

	/** The month a page opens on: the latest computed month, else the previous calendar month. */
	static YearMonth defaultMonth(StoredResults stored, Clock clock) {
		return stored.lastComputedMonth()
				.orElse(YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE)).minusMonths(1));
	}

	/** Writes a whole document first, so an error (404, 422) is answered as such and never as half a file. */
	static byte[] render(Consumer<OutputStream> writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.accept(out);
		return out.toByteArray();
	}

	static void send(HttpServletResponse response, String contentType, String filename, byte[] bytes)
			throws IOException {
		response.setContentType(contentType);
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
