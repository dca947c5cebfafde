package com.kcm.voice.survey;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kcm.audit.Audit;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.io.XlsxExport;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** The survey pages: results per dealer and month (xlsx), templates, campaigns with a preview, low-score follow-ups. */
@Controller
class SurveyPages {

	private final SurveyResults results;
	private final SurveyTemplates templates;
	private final SurveyCampaigns campaigns;
	private final SurveyFollowUps followUps;
	private final MessageSource messages;
	private final Audit audit;
	private final Clock clock;

	SurveyPages(SurveyResults results, SurveyTemplates templates, SurveyCampaigns campaigns, SurveyFollowUps followUps,
			MessageSource messages, Audit audit, Clock clock) {
		this.results = results;
		this.templates = templates;
		this.campaigns = campaigns;
		this.followUps = followUps;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem surveyResultsMenu() {
			return new NavItem("crm", 30, "survey.nav.results", "/voice/surveys/results", Set.of("AFTER_SALES",
					"AFTER_SALES_MANAGER", "CS_AGENT", "CS_SUPERVISOR", "DEALER", "REGIONAL"));
		}

		@Bean
		NavItem surveyCampaignMenu() {
			return new NavItem("crm", 32, "survey.nav.campaigns", "/voice/surveys/campaigns", Set.of("AFTER_SALES",
					"AFTER_SALES_MANAGER", "CS_SUPERVISOR"));
		}
	}

	@GetMapping("/voice/surveys/results")
	@PreAuthorize(SurveyRoles.RESULTS)
	String results(@RequestParam(required = false) String month, Model m) {
		YearMonth ym = safeMonth(month, m);
		List<SurveyResults.DealerMonth> rows = results.month(ym);
		Set<String> questions = new LinkedHashSet<>();
		rows.forEach(r -> questions.addAll(r.averages().keySet()));
		List<SurveyResults.TextAnswer> texts = new ArrayList<>();
		results.texts(ym, null, 50, texts::add);
		m.addAttribute("month", ym.toString());
		m.addAttribute("rows", rows);
		m.addAttribute("questions", questions);
		m.addAttribute("texts", texts);
		return "voice/survey-results";
	}

	private YearMonth safeMonth(String month, Model m) {
		try {
			return SurveyApi.month(month, clock);
		} catch (ValidationException e) {
			m.addAttribute("errors", Messages.render(messages, e.violations()));
			return SurveyApi.month(null, clock);
		}
	}

	@GetMapping("/voice/surveys/results/export")
	@PreAuthorize(SurveyRoles.RESULTS)
	void export(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
		YearMonth ym = SurveyApi.month(month, clock);
		Locale l = LocaleContextHolder.getLocale();
		List<SurveyResults.DealerMonth> rows = results.month(ym);
		Set<String> questions = new LinkedHashSet<>();
		rows.forEach(r -> questions.addAll(r.averages().keySet()));
		List<String> headers = new ArrayList<>();
		for (String h : List.of("dealer", "dealerName", "sent", "answered", "responseRate")) {
			headers.add(messages.getMessage("survey.col." + h, null, l));
		}
		headers.addAll(questions);
		headers.add(messages.getMessage("survey.col.nps", null, l));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"survey-results-" + ym + ".xlsx\"");
		XlsxExport.write(response.getOutputStream(), messages.getMessage("survey.results.title", null, l),
				messages.getMessage("survey.results.title", null, l) + " " + ym, headers, sink -> {
					for (SurveyResults.DealerMonth r : rows) {
						List<Object> row = new ArrayList<>(List.of(r.dealerCode() == null ? "—" : r.dealerCode(),
								r.dealerName() == null ? "—" : r.dealerName(), r.sent(), r.answered()));
						row.add(r.responseRate());
						questions.forEach(q -> row.add(r.averages().get(q)));
						row.add(r.nps());
						sink.row(row);
					}
					sink.row(List.of());
					sink.row(List.of(messages.getMessage("survey.results.texts", null, l)));
					results.texts(ym, null, 100_000, t -> sink.row(java.util.Arrays.asList(t.dealerCode(),
							t.complaintId(), t.question(), t.text())));
				});
		audit.event(Audit.EXPORT, "survey_results", null, ym.toString());
	}

	@GetMapping("/voice/surveys/campaigns")
	@PreAuthorize(SurveyRoles.MANAGE)
	String campaigns(@RequestParam(required = false) String customerClass, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String model,
			@RequestParam(required = false) String lastServiceBefore, @RequestParam(required = false) String preview,
			Model m) {
		SurveyCampaigns.Filter f = new SurveyCampaigns.Filter(customerClass, dealerCode, regionCode, model, lastServiceBefore);
		m.addAttribute("f", f);
		m.addAttribute("templates", templates.current());
		if (preview != null) {
			try {
				m.addAttribute("count", campaigns.preview(f));
			} catch (ValidationException e) {
				m.addAttribute("errors", Messages.render(messages, e.violations()));
			}
		}
		return "voice/survey-campaigns";
	}

	@PostMapping("/voice/surveys/campaigns")
	@PreAuthorize(SurveyRoles.MANAGE)
	String send(@RequestParam(required = false) Long templateId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String customerClass, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String model,
			@RequestParam(required = false) String lastServiceBefore, Model m) {
		SurveyCampaigns.Filter f = new SurveyCampaigns.Filter(customerClass, dealerCode, regionCode, model, lastServiceBefore);
		m.addAttribute("f", f);
		m.addAttribute("templates", templates.current());
		try {
			m.addAttribute("sent", campaigns.send(templateId, name, f));
		} catch (ValidationException e) {
			m.addAttribute("errors", Messages.render(messages, e.violations()));
		}
		return "voice/survey-campaigns";
	}

	@GetMapping("/voice/surveys/follow-ups/{id}")
	@PreAuthorize(SurveyRoles.FOLLOW_UP)
	String followUp(@PathVariable long id, Model m) {
		m.addAttribute("f", followUps.get(id));
		return "voice/survey-follow-up";
	}

	@PostMapping("/voice/surveys/follow-ups/{id}/done")
	@PreAuthorize(SurveyRoles.FOLLOW_UP)
	String done(@PathVariable long id, @RequestParam(required = false) String note) {
		followUps.done(id, note);
		return "redirect:/callbacks";
	}
}
