package com.kcm.policy;

import java.time.LocalDate;
import java.util.Optional;

/** A parameter as a page or the API shows it on a date: the value in force, since when, and the next change. */
record PolicyView(PolicyName name, String value, LocalDate effectiveFrom, String reason, PolicyEntry next) {

	static PolicyView of(Policies policies, PolicyName name, LocalDate on) {
		Optional<PolicyEntry> current = policies.entryOn(name, on);
		PolicyEntry next = policies.history(name).stream().filter(e -> e.effectiveFrom().isAfter(on))
				.reduce((later, earlier) -> earlier).orElse(null);
		return new PolicyView(name, current.map(PolicyEntry::value).orElse(name.defaultValue()),
				current.map(PolicyEntry::effectiveFrom).orElse(null), current.map(PolicyEntry::reason).orElse(null), next);
	}

	/** The value as a person reads it: the band table as intervals, everything else as stored. */
	public String display() {
		return display(name, value);
	}

	static String display(PolicyName name, String value) {
		return name.type() == PolicyType.BANDS ? LimitBands.parse(value).summary()
				: name.type() == PolicyType.RULES ? ClassRules.parse(value).summary() : value;
	}

	public boolean isDefault() {
		return value.equals(name.defaultValue());
	}
}
