package com.kcm.shared.domain;

import java.util.List;

/** Input that breaks a rule: answered 422 with every violation, and nothing is written. */
public class ValidationException extends RuntimeException {

	private final List<Violation> violations;

	public ValidationException(List<Violation> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	public static ValidationException of(String field, String code, Object... args) {
		return new ValidationException(List.of(Violation.field(field, code, args)));
	}

	public List<Violation> violations() {
		return violations;
	}
}
