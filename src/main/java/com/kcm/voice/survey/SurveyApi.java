package com.kcm.voice.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;

/** Surveys by API (SPEC §7.4, §10): templates with versions, campaigns with a preview count, results per dealer and month. */
@RestController
@RequestMapping("/api/v1")
class SurveyApi {

	private final SurveyTemplates templates;
	private final SurveyCampaigns campaigns;
	private final SurveyResults results;
	private final Clock clock;

	SurveyApi(SurveyTemplates templates, SurveyCampaigns campaigns, SurveyResults results, Clock clock) {
		this.templates = templates;
		this.campaigns = campaigns;
		this.results = results;
		this.clock = clock;
	}

	@GetMapping("/survey-templates")
	@PreAuthorize(SurveyRoles.MANAGE)
	List<SurveyTemplates.Template> list() {
		return templates.current();
	}

	@GetMapping("/survey-templates/{id}")
	@PreAuthorize(SurveyRoles.MANAGE)
	SurveyTemplates.Template get(@PathVariable long id) {
		return templates.get(id);
	}

	@PostMapping("/survey-templates")
	@PreAuthorize(SurveyRoles.MANAGE)
	ResponseEntity<SurveyTemplates.Template> create(@RequestBody SurveyTemplates.TemplateInput body) {
		return ResponseEntity.status(201).body(templates.create(body));
	}

	/** Edits a version: the answer is the version now current (a new id when the old one was in use). */
	@PutMapping("/survey-templates/{id}")
	@PreAuthorize(SurveyRoles.MANAGE)
	SurveyTemplates.Template edit(@PathVariable long id, @RequestBody SurveyTemplates.TemplateInput body) {
		return templates.edit(id, body);
	}

	record CampaignBody(Long templateId, String name, String customerClass, String dealerCode, String regionCode,
			String model, String lastServiceBefore) {
		SurveyCampaigns.Filter filter() {
			return new SurveyCampaigns.Filter(customerClass, dealerCode, regionCode, model, lastServiceBefore);
		}
	}

	@PostMapping("/survey-campaigns/preview")
	@PreAuthorize(SurveyRoles.MANAGE)
	CampaignReach preview(@RequestBody CampaignBody body) {
		return new CampaignReach(campaigns.preview(body.filter()));
	}

	@PostMapping("/survey-campaigns")
	@PreAuthorize(SurveyRoles.MANAGE)
	ResponseEntity<SurveyCampaigns.Sent> send(@RequestBody CampaignBody body) {
		return ResponseEntity.status(201).body(campaigns.send(body.templateId(), body.name(), body.filter()));
	}

	static YearMonth month(String month, Clock clock) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
		}
		try {
			return YearMonth.parse(month.strip());
		} catch (DateTimeException e) {
			throw ValidationException.of("month", "survey.month.invalid");
		}
	}

	@GetMapping("/survey-results")
	@PreAuthorize(SurveyRoles.RESULTS)
	List<ResultLine> results(@RequestParam(required = false) String month) {
		YearMonth m = month(month, clock);
		return results.month(m).stream().map(d -> new ResultLine(d.dealerCode(), m.toString(), d.sent(), d.answered(),
				d.responseRate(), d.averages(), d.npsAnswers(), d.nps())).toList();
	}

	/** How many customers a campaign would reach. */
	record CampaignReach(long count) {
	}

	/** A dealer's survey month: response rate, average score per question, NPS. */
	record ResultLine(String dealerCode, String month, long sent, long answered, BigDecimal responseRate,
			Map<String, BigDecimal> averages, long npsAnswers, BigDecimal nps) {
	}

	@GetMapping("/survey-results/texts")
	@PreAuthorize(SurveyRoles.RESULTS)
	List<SurveyResults.TextAnswer> texts(@RequestParam(required = false) String month) {
		List<SurveyResults.TextAnswer> out = new ArrayList<>();
		results.texts(month(month, clock), null, 500, out::add);
		return out;
	}
}
