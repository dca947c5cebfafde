package com.kcm.complaint.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.kcm.audit.Audit;
import com.kcm.complaint.ComplaintBoards;
import com.kcm.complaint.ComplaintBoards.Filter;
import com.kcm.complaint.ComplaintBoards.Row;
import com.kcm.complaint.ComplaintBoards.Section;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.io.XlsxExport;

/** The after-sales board (sections with counts), one section in full, and the searchable complaint list with its export. */
@Controller
class BoardPages {

	static final int BOARD_ROWS = 5;
	static final int PAGE = 20;
	static final int EXPORT_PAGE = 500;

	private final ComplaintBoards boards;
	private final MessageSource messages;
	private final Audit audit;

	BoardPages(ComplaintBoards boards, MessageSource messages, Audit audit) {
		this.boards = boards;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping("/complaints/board")
	@PreAuthorize(ComplaintRoles.SPECIALIST)
	String board(Model model) {
		model.addAttribute("sections", boards.board(BOARD_ROWS));
		return "complaint/board";
	}

	@GetMapping("/complaints/board/{section}")
	@PreAuthorize(ComplaintRoles.SPECIALIST)
	String section(@PathVariable Section section, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("section", section);
		Page<Row> rows = boards.section(section, PageRequest.of(Math.max(page, 0), PAGE));
		model.addAttribute("page", rows);
		model.addAttribute("pageUrl", "/complaints/board/" + section.name() + "?page=");
		return "complaint/section";
	}

	@GetMapping({ "/complaints", "/complaints/list" })
	@PreAuthorize(ComplaintRoles.READ)
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String dealer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
		Filter f = new Filter(status, kind, channel, category, dealer, q);
		model.addAttribute("page", boards.search(f, PageRequest.of(Math.max(page, 0), PAGE, ComplaintBoards.sortOf(sort))));
		String query = UriComponentsBuilder.fromPath("/complaints").queryParamIfPresent("status", opt(status))
				.queryParamIfPresent("kind", opt(kind)).queryParamIfPresent("channel", opt(channel))
				.queryParamIfPresent("category", opt(category)).queryParamIfPresent("dealer", opt(dealer))
				.queryParamIfPresent("q", opt(q)).queryParamIfPresent("sort", opt(sort)).build().encode().toUriString();
		model.addAttribute("pageUrl", query + (query.contains("?") ? "&" : "?") + "page=");
		model.addAttribute("exportUrl", query.replaceFirst("^/complaints", "/complaints/export"));
		model.addAttribute("filter", f);
		return "complaint/list";
	}

	/** The list as xlsx: the caller's scope and filter, written page by page; only names, never phone numbers. */
	@GetMapping("/complaints/export")
	@PreAuthorize(ComplaintRoles.READ)
	void export(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String dealer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
		Filter f = new Filter(status, kind, channel, category, dealer, q);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"complaints-"
				+ LocalDate.now(TimeConfig.BUSINESS_ZONE) + ".xlsx\"");
		List<String> headers = new ArrayList<>();
		for (String k : List.of("id", "externalId", "kind", "channel", "category", "status", "customer", "dealer",
				"registeredAt", "due", "description")) {
			headers.add(text("cweb.col." + k, locale));
		}
		headers.add(text("cweb.greenChannel", locale));
		long[] count = { 0 };
		XlsxExport.write(response.getOutputStream(), text("cweb.list.export.title", locale), null, headers, sink -> {
			for (int p = 0;; p++) {
				Page<Row> page = boards.search(f, PageRequest.of(p, EXPORT_PAGE, ComplaintBoards.sortOf(sort)));
				for (Row r : page.getContent()) {
					sink.row(Arrays.asList(r.id(), r.externalId(), text("cweb.kind." + r.kind(), locale),
							text("cweb.channel." + r.channel(), locale),
							r.category() == null ? null : text("cweb.category." + r.category(), locale),
							text("cweb.status." + r.status(), locale), r.customerName(), r.dealerLabel(),
							local(r.registeredAt()), local(r.nextDueAt()), r.description(), r.greenChannel()));
					count[0]++;
				}
				if (!page.hasNext()) {
					break;
				}
			}
		});
		audit.event(Audit.EXPORT, "complaint", null, count[0] + " rows; filter " + f);
	}

	private static String local(java.time.Instant t) {
		return t == null ? null : t.atZone(TimeConfig.BUSINESS_ZONE).toLocalDateTime().toString().replace('T', ' ');
	}

	private static java.util.Optional<String> opt(String s) {
		return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s.trim());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
