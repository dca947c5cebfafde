package com.kcm.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kcm.audit.Audit;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * Records a new value of a parameter (ADMIN, AFTER_SALES_MANAGER). Values are only ever added: a value
 * from a date replaces the previous one from that date on, and the history keeps both with their reasons.
 */
@Service
class PolicyAdministration {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
	static final int MAX_REASON = 500;

	private final PolicyRepository repository;
	private final Policies policies;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PolicyAdministration(PolicyRepository repository, Policies policies, Audit audit, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.policies = policies;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a person asked for, as typed: checked as a whole, every problem reported at once. */
	record Change(String value, String effectiveFrom, String reason) {
	}

	@Transactional
	public PolicyEntry change(String name, Change change) {
		PolicyName p = PolicyName.find(name).orElseThrow(() -> new NotFoundException("policy", name));
		Violations v = new Violations();
		String value = null;
		try {
			value = PolicyFormat.normalise(p, change.value());
		} catch (ValidationException e) {
			v.addAll(e.violations());
		}
		LocalDate from = effectiveFrom(change.effectiveFrom(), v);
		String reason = change.reason() == null ? "" : change.reason().strip();
		if (reason.isEmpty()) {
			v.field("reason", "policy.reason.required");
		} else if (reason.length() > MAX_REASON) {
			v.field("reason", "policy.reason.tooLong", MAX_REASON);
		}
		if (value != null && from != null) {
			checkPenaltyRange(p, value, from, v);
		}
		v.throwIfAny();

		Snapshot before = policies.entryOn(p, from).map(e -> snapshot(e.value(), e.effectiveFrom(), e.reason()))
				.orElse(snapshot(p.defaultValue(), null, null));
		PolicyEntry saved = repository.save(new PolicyRecord(p, value, from, reason, clock.instant(), actor())).entry();
		audit.changed(Audit.CREATE, "policy", p.name(), before, snapshot(value, from, reason));
		events.publishEvent(new PolicyChanged(p.name(), value, from));
		return saved;
	}

	private static LocalDate effectiveFrom(String text, Violations v) {
		if (text == null || text.isBlank()) {
			v.field("effectiveFrom", "error.required");
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(text.strip());
			if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
				v.field("effectiveFrom", "policy.effectiveFrom.range", EARLIEST, LATEST);
				return null;
			}
			return d;
		} catch (DateTimeParseException e) {
			v.field("effectiveFrom", "policy.effectiveFrom.invalid");
			return null;
		}
	}

	/** The penalty range of SPEC §5.4 stays a range: the minimum never exceeds the maximum in force then. */
	private void checkPenaltyRange(PolicyName p, String value, LocalDate from, Violations v) {
		if (p == PolicyName.PENALTY_MIN
				&& PolicyFormat.asDecimal(value).compareTo(policies.decimalOn(PolicyName.PENALTY_MAX, from)) > 0) {
			v.field("value", "policy.value.penaltyMinAboveMax", policies.decimalOn(PolicyName.PENALTY_MAX, from));
		}
		if (p == PolicyName.PENALTY_MAX
				&& PolicyFormat.asDecimal(value).compareTo(policies.decimalOn(PolicyName.PENALTY_MIN, from)) < 0) {
			v.field("value", "policy.value.penaltyMaxBelowMin", policies.decimalOn(PolicyName.PENALTY_MIN, from));
		}
	}

	/** What the audit trail keeps of a policy value: the reason only when there is one. */
	record Snapshot(String value, String effectiveFrom,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
	}

	private static Snapshot snapshot(String value, LocalDate from, String reason) {
		return new Snapshot(value, from == null ? null : from.toString(), reason);
	}

	private static String actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null ? "system" : auth.getName();
	}
}
