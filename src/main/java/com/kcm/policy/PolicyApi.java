package com.kcm.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/policies}: the catalogue with the values in force (central staff), and a new value of one
 * parameter ({@code ADMIN}, {@code AFTER_SALES_MANAGER}) with the same checks as the page.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyApi {

	private final Policies policies;
	private final PolicyAdministration administration;
	private final MessageSource messages;
	private final Clock clock;

	PolicyApi(Policies policies, PolicyAdministration administration, MessageSource messages, Clock clock) {
		this.policies = policies;
		this.administration = administration;
		this.messages = messages;
		this.clock = clock;
	}

	/** A new value: {@code value} as text (or the band table as a JSON array), {@code effectiveFrom} as YYYY-MM-DD. */
	record Body(JsonNode value, String effectiveFrom, String reason) {

		String valueText() {
			if (value == null || value.isNull() || value.isMissingNode()) {
				return null;
			}
			return value.isString() ? value.asString() : value.toString();
		}
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES','CS_AGENT','FINANCE','ACCOUNT_MANAGER')")
	List<Map<String, Object>> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate day = on != null ? on : today();
		return java.util.Arrays.stream(PolicyName.values()).map(p -> view(p, day)).toList();
	}

	@GetMapping("/{name}")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES','CS_AGENT','FINANCE','ACCOUNT_MANAGER')")
	Map<String, Object> one(@PathVariable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		PolicyName p = PolicyName.find(name).orElseThrow(() -> new NotFoundException("policy", name));
		Map<String, Object> m = view(p, on != null ? on : today());
		m.put("history", policies.history(p).stream().map(PolicyApi::entry).toList());
		return m;
	}

	@PostMapping("/{name}")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	Map<String, Object> change(@PathVariable String name, @RequestBody Body body) {
		return entry(administration.change(name,
				new PolicyAdministration.Change(body.valueText(), body.effectiveFrom(), body.reason())));
	}

	private Map<String, Object> view(PolicyName p, LocalDate day) {
		PolicyView v = PolicyView.of(policies, p, day);
		var locale = LocaleContextHolder.getLocale();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", p.name());
		m.put("label", messages.getMessage(p.labelKey(), null, p.name(), locale));
		m.put("description", messages.getMessage(p.descriptionKey(), null, "", locale));
		m.put("group", p.group());
		m.put("type", p.type().name());
		m.put("unit", p.unit().name());
		m.put("default", p.defaultValue());
		m.put("value", v.value());
		m.put("effectiveFrom", v.effectiveFrom() == null ? null : v.effectiveFrom().toString());
		m.put("nextChange", v.next() == null ? null : entry(v.next()));
		return m;
	}

	private static Map<String, Object> entry(PolicyEntry e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", e.name());
		m.put("value", e.value());
		m.put("effectiveFrom", e.effectiveFrom().toString());
		m.put("reason", e.reason());
		m.put("recordedAt", e.recordedAt().toString());
		m.put("recordedBy", e.recordedBy());
		return m;
	}

	private LocalDate today() {
		return clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
	}
}
