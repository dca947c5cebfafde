package com.kcm.voice.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.identity.CurrentUsers;
import com.kcm.quality.ServiceHistory;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/**
 * Survey campaigns (SPEC §7.4): a template sent to the customers a filter selects (class, dealer and region of the
 * latest repair order, a vehicle model owned, last service before a date); the preview counts them; sending creates a
 * survey for each that has its SURVEY consent in force now and had no survey within the interval — the others are
 * counted as refused.
 */
@Service
class SurveyCampaigns {

	/** The filters as entered (codes and text). */
	record Filter(String customerClass, String dealerCode, String regionCode, String model, String lastServiceBefore) {
	}

	record Sent(long campaignId, long selected, long created, long noConsent, long tooSoon) {
	}

	private final ServiceHistory history;
	private final DealerCatalog dealers;
	private final Surveys surveys;
	private final SurveyTemplates templates;
	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	SurveyCampaigns(ServiceHistory history, DealerCatalog dealers, Surveys surveys, SurveyTemplates templates,
			JdbcClient jdbc, CurrentUsers users, Audit audit, Clock clock) {
		this.history = history;
		this.dealers = dealers;
		this.surveys = surveys;
		this.templates = templates;
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	ServiceHistory.Selection selection(Filter f) {
		List<Violation> errors = new ArrayList<>();
		String cls = blank(f.customerClass());
		if (cls != null && !List.of("A", "B", "C").contains(cls)) {
			errors.add(Violation.field("customerClass", "survey.campaign.class"));
		}
		Long dealer = null;
		if (blank(f.dealerCode()) != null) {
			dealer = dealers.byCode(f.dealerCode().strip()).map(d -> d.id()).orElse(null);
			if (dealer == null) {
				errors.add(Violation.field("dealerCode", "survey.campaign.dealer", f.dealerCode()));
			}
		}
		Long region = null;
		if (blank(f.regionCode()) != null) {
			region = dealers.regionByCode(f.regionCode().strip()).map(r -> r.id()).orElse(null);
			if (region == null) {
				errors.add(Violation.field("regionCode", "survey.campaign.region", f.regionCode()));
			}
		}
		LocalDate before = null;
		if (blank(f.lastServiceBefore()) != null) {
			try {
				before = LocalDate.parse(f.lastServiceBefore().strip());
			} catch (DateTimeParseException e) {
				errors.add(Violation.field("lastServiceBefore", "survey.campaign.date"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new ServiceHistory.Selection(cls, dealer, region, blank(f.model()), before);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	long preview(Filter f) {
		return history.count(selection(f));
	}

	@Transactional
	Sent send(Long templateId, String name, Filter f) {
		List<Violation> errors = new ArrayList<>();
		if (templateId == null) {
			errors.add(Violation.field("templateId", "survey.campaign.template"));
		}
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			errors.add(Violation.field("name", "survey.campaign.name"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		SurveyTemplates.Template t = templates.get(templateId);
		if (!t.current()) {
			throw ValidationException.of("templateId", "survey.template.notCurrent");
		}
		ServiceHistory.Selection s = selection(f);
		long selected = history.count(s);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into survey_campaign (template_id, name, filters, selected, created_at, created_by)
				values (:t, :n, :f, :s, :at, :by)""").param("t", t.id()).param("n", name.strip())
				.param("f", f.toString()).param("s", selected).param("at", Timestamp.from(clock.instant()))
				.param("by", users.current().username()).update(key, "id");
		long id = key.getKey().longValue();
		long[] counts = new long[3];
		history.each(s, c -> {
			Surveys.Outcome o = surveys.create(t.id(), c.customerId(), c.dealerId(), null, id, Surveys.Source.CAMPAIGN);
			counts[o.surveyId() != null ? 0 : o.refusal() == Surveys.Refusal.NO_CONSENT ? 1 : 2]++;
		});
		audit.changed(Audit.CREATE, "survey_campaign", id, null, Map.of("name", name.strip(), "templateId", t.id(),
				"selected", selected, "created", counts[0]));
		return new Sent(id, selected, counts[0], counts[1], counts[2]);
	}
}
