package com.kcm.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.kcm.shared.domain.Violations;

/** The field checks of the statement commands; each names the field of a violation. */
final class StatementInput {

	private StatementInput() {
	}

	/** A text of at most {@code max} characters, required or not. */
	static void text(Violations v, String field, String value, int max, boolean required) {
		if (required && (value == null || value.isBlank())) {
			v.field(field, "error.required");
		} else if (value != null && value.length() > max) {
			v.field(field, "statement.tooLong", max);
		}
	}

	/** A required date {@code YYYY-MM-DD} not after {@code today}; null when it is not one. */
	static LocalDate date(Violations v, String field, String value, LocalDate today) {
		if (value == null || value.isBlank()) {
			v.field(field, "error.required");
			return null;
		}
		try {
			LocalDate on = LocalDate.parse(value.trim());
			if (on.isAfter(today)) {
				v.field(field, "statement.date.future");
			}
			return on;
		} catch (DateTimeParseException e) {
			v.field(field, "statement.date.invalid", value);
			return null;
		}
	}
}
