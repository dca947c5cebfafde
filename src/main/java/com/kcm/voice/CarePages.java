package com.kcm.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/**
 * The care page (central staff): the template of each occasion with a preview (sample customer 张先生, plate
 * 京A·12345, the dealer 北京凯驰4S店), switched on or off, and the care messages chosen, newest first, with what
 * became of each; and the latest consent changes across customers.
 */
@Controller
@PreAuthorize(CarePages.CARE)
class CarePages {

	static final String CARE = "hasAnyRole('AFTER_SALES','CS_SUPERVISOR')";
	static final String SAMPLE_NAME = "张先生";
	static final String SAMPLE_PLATE = "京A·12345";
	static final String SAMPLE_DEALER = "北京凯驰4S店";

	record SendRow(long id, long customerId, String customerName, CareOccasion occasion, LocalDate dueOn, String body,
			String status, Instant sentAt) {
	}

	record ConsentRow(long id, long customerId, String customerName, ConsentPurpose purpose, boolean given, Instant at,
			ConsentChannel channel, String recordedBy) {
	}

	private final CareTemplates templates;
	private final JdbcClient jdbc;
	private final MessageSource messages;

	CarePages(CareTemplates templates, JdbcClient jdbc, MessageSource messages) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@GetMapping("/care")
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("templates", templates.all());
		model.addAttribute("samples", List.of(SAMPLE_NAME, SAMPLE_PLATE, SAMPLE_DEALER));
		int p = Math.max(page, 0);
		long total = jdbc.sql("select count(*) from care_send").query(Long.class).single();
		List<SendRow> rows = jdbc.sql("select id, customer_id, customer_name, occasion, due_on, body, status, sent_at "
				+ "from care_send order by id desc offset " + (p * 20L) + " rows fetch next 20 rows only")
				.query((rs, n) -> new SendRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
						CareOccasion.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
						rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
				.list();
		model.addAttribute("sends", new PageImpl<>(rows, PageRequest.of(p, 20), total));
		return "voice/care";
	}

	@PostMapping("/care/templates/{occasion}")
	String save(@PathVariable String occasion, @RequestParam(required = false) String body,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "save") String action,
			RedirectAttributes redirect) {
		CareOccasion o = occasion(occasion);
		if ("preview".equals(action)) {
			redirect.addFlashAttribute("previewOccasion", o);
			redirect.addFlashAttribute("previewBody", body);
			com.kcm.shared.domain.Violations v = new com.kcm.shared.domain.Violations();
			CareTemplates.check(body, v);
			if (v.isEmpty()) {
				redirect.addFlashAttribute("preview", CareTemplates.render(body.strip(), SAMPLE_NAME, SAMPLE_PLATE, SAMPLE_DEALER));
			} else {
				redirect.addFlashAttribute("errors", Messages.render(messages, v.list()));
			}
			return "redirect:/care#template-" + o;
		}
		try {
			templates.update(o, body, active);
			redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, "OK", LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("previewOccasion", o);
			redirect.addFlashAttribute("previewBody", body);
			redirect.addFlashAttribute("errors", Messages.render(messages, e.violations()));
		}
		return "redirect:/care#template-" + o;
	}

	@GetMapping("/consents")
	String consents(@RequestParam(defaultValue = "0") int page, Model model) {
		int p = Math.max(page, 0);
		long total = jdbc.sql("select count(*) from consent_record").query(Long.class).single();
		List<ConsentRow> rows = jdbc.sql("select r.id, r.customer_id, c.name, r.purpose, r.given, r.effective_at, r.channel, "
				+ "r.recorded_by from consent_record r join customer c on c.id = r.customer_id order by r.id desc offset "
				+ (p * 20L) + " rows fetch next 20 rows only")
				.query((rs, n) -> new ConsentRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
						ConsentPurpose.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getTimestamp(6).toInstant(),
						ConsentChannel.valueOf(rs.getString(7)), rs.getString(8)))
				.list();
		model.addAttribute("changes", new PageImpl<>(rows, PageRequest.of(p, 20), total));
		return "voice/consent-changes";
	}

	private static CareOccasion occasion(String s) {
		try {
			return CareOccasion.valueOf(s.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new NotFoundException("care template", s);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {

		@Bean
		NavItem careMenu() {
			return new NavItem("crm", 40, "nav.voice.care", "/care", Set.of("AFTER_SALES", "CS_SUPERVISOR"));
		}

		@Bean
		NavItem consentChangesMenu() {
			return new NavItem("crm", 41, "nav.voice.consents", "/consents", Set.of("AFTER_SALES", "CS_SUPERVISOR"));
		}
	}

}
