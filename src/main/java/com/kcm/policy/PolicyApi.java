package com.kcm.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
	List<PolicyAnswer> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate day = on != null ? on : today();
		return java.util.Arrays.stream(PolicyName.values()).map(p -> view(p, day)).toList();
	}

	@GetMapping("/{name}")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES','CS_AGENT','FINANCE','ACCOUNT_MANAGER')")
	PolicyDetail one(@PathVariable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		PolicyName p = PolicyName.find(name).orElseThrow(() -> new NotFoundException("policy", name));
		return new PolicyDetail(view(p, on != null ? on : today()),
				policies.history(p).stream().map(PolicyApi::entry).toList());
	}

	@PostMapping("/{name}")
	@PreAuthorize("hasAnyRole('ADMIN','AFTER_SALES_MANAGER')")
	PolicyEntryAnswer change(@PathVariable String name, @RequestBody Body body) {
		return entry(administration.change(name,
				new PolicyAdministration.Change(body.valueText(), body.effectiveFrom(), body.reason())));
	}

	private PolicyAnswer view(PolicyName p, LocalDate day) {
		PolicyView v = PolicyView.of(policies, p, day);
		var locale = LocaleContextHolder.getLocale();
		return new PolicyAnswer(p.name(), messages.getMessage(p.labelKey(), null, p.name(), locale),
				messages.getMessage(p.descriptionKey(), null, "", locale), p.group(), p.type(), p.unit(),
				p.defaultValue(), v.value(), v.effectiveFrom() == null ? null : v.effectiveFrom().toString(),
				v.next() == null ? null : entry(v.next()));
	}

	private static PolicyEntryAnswer entry(PolicyEntry e) {
		return new PolicyEntryAnswer(e.name(), e.value(), e.effectiveFrom().toString(), e.reason(),
				e.recordedAt().toString(), e.recordedBy());
	}

	/** A policy parameter with its value in force on the day asked for and the next change planned. */
	record PolicyAnswer(String name, String label, String description, String group, PolicyType type, PolicyUnit unit,
			@JsonProperty("default") String defaultValue, String value, String effectiveFrom, PolicyEntryAnswer nextChange) {
	}

	record PolicyDetail(@JsonUnwrapped PolicyAnswer policy, List<PolicyEntryAnswer> history) {
	}

	/** One value of a parameter, in force from a date. */
	record PolicyEntryAnswer(String name, String value, String effectiveFrom, String reason, String recordedAt,
			String recordedBy) {
	}

	private LocalDate today() {
		return clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
	}
}
