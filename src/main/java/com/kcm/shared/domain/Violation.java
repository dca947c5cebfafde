package com.kcm.shared.domain;

import java.util.Arrays;

/**
 * One reason why input was refused. {@code field} names the offending field (dotted path), {@code index}
 * the item of a batch or the row of an import file; {@code code} is a message-bundle key and {@code args}
 * its arguments, resolved in the caller's language when the answer is rendered.
 */
public record Violation(String field, Integer index, String code, Object... args) {

	public static Violation field(String field, String code, Object... args) {
		return new Violation(field, null, code, args);
	}

	public static Violation row(int index, String field, String code, Object... args) {
		return new Violation(field, index, code, args);
	}

	public Violation atIndex(int newIndex) {
		return new Violation(field, newIndex, code, args);
	}

	@Override
	public String toString() {
		return (index != null ? "[" + index + "] " : "") + (field != null ? field + ": " : "") + code
				+ (args.length > 0 ? Arrays.toString(args) : "");
	}
}
