package com.kcm.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.crm.GoodwillTotals;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/**
 * The statement pages: a month's statements (filters, paged; a dealer sees its own published ones) and one
 * statement with its indicators, conditions and their explanations, lines, total, appeals and the actions the
 * user's role allows in its state (publish, appeal, answer, approve, settle, revise). Works on a phone.
 */
@Controller
@PreAuthorize(StatementApi.READERS)
class StatementPages {

	static final int PAGE = 20;

	/** The statuses the list filters by. */
	static final List<String> STATUSES = java.util.Arrays.stream(StatementStatus.values()).map(Enum::name).toList();

	private final Statements statements;
	private final StatementQueries queries;
	private final MessageSource messages;
	private final RoleHierarchy hierarchy;
	private final Clock clock;
	private final StatementText text;
	private final com.kcm.audit.Audit audit;
	private final GoodwillTotals goodwill;
	private List<FiguresBesideIndicators> beside = List.of();

	/** Other modules' figures shown beside the indicators (e.g. survey results, SPEC §7.4; they change none). */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void setBeside(List<FiguresBesideIndicators> beside) {
		this.beside = beside;
	}

	StatementPages(Statements statements, StatementQueries queries, MessageSource messages, RoleHierarchy hierarchy, Clock clock,
			StatementText text, com.kcm.audit.Audit audit, GoodwillTotals goodwill) {
		this.goodwill = goodwill;
		this.statements = statements;
		this.queries = queries;
		this.messages = messages;
		this.hierarchy = hierarchy;
		this.clock = clock;
		this.text = text;
		this.audit = audit;
	}

	@GetMapping("/statements")
	String list(@RequestParam(required = false) String month, @RequestParam(required = false) String dealer,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Authentication auth, Model model) {
		YearMonth m = month == null || month.isBlank()
				? YearMonth.from(LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE)).minusMonths(1)
				: Months.parse(month, "month");
		String st = status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
		if (st != null && !STATUSES.contains(st)) {
			st = null;
		}
		StatementQueries.Page p = queries.list(m.toString(), dealer, st, page, PAGE);
		Set<String> roles = LayoutAdvice.effectiveRoles(auth, hierarchy);
		model.addAttribute("month", m.toString());
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAttribute("dealer", dealer == null ? "" : dealer.trim());
		model.addAttribute("status", st == null ? "" : st);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("result", p);
		model.addAttribute("goodwill", goodwill.of(m, p.items().stream().map(StatementQueries.Row::dealerId).toList()));
		model.addAttribute("pages", Math.max(1, (int) ((p.total() + PAGE - 1) / PAGE)));
		model.addAttribute("mayDraft", roles.contains("AFTER_SALES"));
		model.addAttribute("scoped", roles.contains("DEALER") || roles.contains("REGIONAL"));
		return "assessment/statements";
	}

	/** The list as filtered, as an xlsx file (streamed page by page; the export is audited). */
	@GetMapping("/statements/export")
	void export(@RequestParam(required = false) String month, @RequestParam(required = false) String dealer,
			@RequestParam(required = false) String status, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		String m = month == null || month.isBlank() ? null : Months.parse(month, "month").toString();
		String st = status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
		queries.list(m, dealer, st, 0, 1); // a bad filter fails before the download starts
		audit.event(com.kcm.audit.Audit.EXPORT, "statement", m, "dealer=" + dealer + " status=" + st);
		String title = text("statement.list.title") + (m == null ? "" : " " + m);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"statements" + (m == null ? "" : "-" + m)
				+ ".xlsx\"");
		List<String> headers = java.util.stream.Stream.of("statement.list.month", "statement.list.dealer",
				"statement.col.dealer", "statement.col.revision", "statement.col.status", "statement.col.support",
				"statement.col.penalty", "statement.detail.net", "statement.col.total", "statement.col.appeals",
				"statement.detail.published", "statement.col.appealDue", "statement.detail.approved",
				"statement.settle.method", "statement.settle.reference", "statement.settle.date").map(this::text).toList();
		try (java.io.OutputStream out = response.getOutputStream()) {
			com.kcm.shared.io.XlsxExport.write(out, title, null, headers, sink -> {
				int page = 0;
				StatementQueries.Page chunk;
				do {
					chunk = queries.list(m, dealer, st, page++, 200);
					for (StatementQueries.Row r : chunk.items()) {
						sink.row(java.util.Arrays.asList(r.month(), r.dealerCode(), r.dealerName(), r.revision(),
								text("statement.status." + r.status()), r.supportAmount(), r.penaltyAmount(),
								r.netAmount(), r.total(), r.openAppeals(), text.at(r.publishedAt()),
								text.at(r.appealDueAt()), text.at(r.approvedAt()),
								r.settlementMethod() == null ? null : text("statement.method." + r.settlementMethod()),
								r.settlementReference(), r.settlementDate()));
					}
				} while ((long) page * 200 < chunk.total());
			});
		}
	}

	@PostMapping("/statements/drafts")
	@PreAuthorize("hasRole('AFTER_SALES')")
	String drafts(@RequestParam String month, @RequestParam(required = false) String dealer,
			RedirectAttributes redirect) {
		try {
			Statements.Drafts d = statements.createDrafts(month, dealer);
			redirect.addFlashAttribute("flash", text("statement.flash.drafts", d.created(), d.skipped()));
		} catch (DomainException | ValidationException e) {
			redirect.addFlashAttribute("errors", problems(e));
		}
		return "redirect:/statements?month=" + Months.parse(month, "month");
	}

	@PostMapping("/statements/drafts/publish")
	@PreAuthorize("hasRole('AFTER_SALES')")
	String publishAll(@RequestParam String month, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("flash", text("statement.flash.publishedAll", statements.publishAll(month)));
		} catch (DomainException | ValidationException e) {
			redirect.addFlashAttribute("errors", problems(e));
		}
		return "redirect:/statements?month=" + Months.parse(month, "month");
	}

	@GetMapping("/statements/{id}")
	String detail(@PathVariable long id, Authentication auth, Model model) {
		StatementQueries.Detail d = queries.detail(id);
		StatementQueries.Row s = d.row();
		Set<String> roles = LayoutAdvice.effectiveRoles(auth, hierarchy);
		boolean dealer = roles.contains("DEALER");
		boolean scoped = dealer || roles.contains("REGIONAL");
		boolean manager = roles.contains("AFTER_SALES_MANAGER") && !scoped;
		StatementStatus st = s.status();
		model.addAttribute("s", s);
		model.addAttribute("d", d);
		model.addAttribute("goodwill", goodwill.of(YearMonth.parse(s.month()), s.dealerId()));
		model.addAttribute("lineTexts", d.lines().stream().map(text::line).toList());
		model.addAttribute("mayPublish", roles.contains("AFTER_SALES") && !scoped && st == StatementStatus.DRAFT);
		model.addAttribute("mayAppeal", dealer && st == StatementStatus.PUBLISHED && s.appealDueAt() != null
				&& !clock.instant().isAfter(s.appealDueAt()));
		model.addAttribute("mayAnswer", manager && st == StatementStatus.PUBLISHED);
		model.addAttribute("mayApprove", manager && st == StatementStatus.PUBLISHED && s.openAppeals() == 0);
		model.addAttribute("maySettle", roles.contains("FINANCE") && !scoped && st == StatementStatus.APPROVED);
		model.addAttribute("methods", SettlementMethod.allowedFor(s.total()));
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE).toString());
		model.addAttribute("mayRevise", manager && st != StatementStatus.SUPERSEDED && s.openAppeals() == 0);
		model.addAttribute("beside", beside.stream().map(b -> b.of(s.dealerId(), java.time.YearMonth.parse(s.month()))).toList());
		model.addAttribute("indicatorKeys", List.of("complaints", "unreachable", "replyTimelinessRate",
				"contact24hRate", "falseReplies", "calledBack", "firstTimeClosureRate", "monthlyClosureRate",
				"satisfactionRate", "countedTowardLimit", "limit"));
		return "assessment/statement";
	}

	@PostMapping("/statements/{id}/publish")
	@PreAuthorize("hasRole('AFTER_SALES')")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "statement.flash.published", () -> statements.publish(id));
	}

	@PostMapping("/statements/{id}/appeal")
	@PreAuthorize("hasRole('DEALER')")
	String appeal(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		return act(id, redirect, "statement.flash.appealed", () -> statements.appeal(id, reason, evidence));
	}

	@PostMapping("/statements/appeals/{appealId}/answer")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	String answer(@PathVariable long appealId, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		long id = queries.statementOfAppeal(appealId);
		Long[] revision = new Long[1];
		String target = act(id, redirect, "statement.flash.answered",
				() -> revision[0] = statements.answer(appealId, decision, answer).revisionId());
		if (revision[0] != null) {
			redirect.addFlashAttribute("flash", text("statement.flash.revised"));
			return "redirect:/statements/" + revision[0];
		}
		return target;
	}

	@PostMapping("/statements/{id}/approve")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "statement.flash.approved", () -> statements.approve(id));
	}

	@PostMapping("/statements/{id}/settle")
	@PreAuthorize("hasRole('FINANCE')")
	String settle(@PathVariable long id, @RequestParam(required = false) String method,
			@RequestParam(required = false) String reference, @RequestParam(required = false) String date,
			RedirectAttributes redirect) {
		return act(id, redirect, "statement.flash.settled", () -> statements.settle(id, method, reference, date));
	}

	@PostMapping("/statements/{id}/revise")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	String revise(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			long revision = statements.revise(id, reason);
			redirect.addFlashAttribute("flash", text("statement.flash.revised"));
			return "redirect:/statements/" + revision;
		} catch (DomainException | ValidationException e) {
			redirect.addFlashAttribute("errors", problems(e));
			return "redirect:/statements/" + id;
		}
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", text(done));
		} catch (DomainException | ValidationException e) {
			redirect.addFlashAttribute("errors", problems(e));
		}
		return "redirect:/statements/" + id;
	}

	private List<String> problems(RuntimeException e) {
		if (e instanceof ValidationException v) {
			return Messages.render(messages, v.violations());
		}
		DomainException d = (DomainException) e;
		return List.of(messages.getMessage(d.code(), d.args(), d.code(), LocaleContextHolder.getLocale()));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem statementsMenu() {
			return new NavItem("assessment", 30, "nav.statements", "/statements",
					Set.of("AFTER_SALES", "FINANCE", "DEALER", "REGIONAL"));
		}
	}
}
