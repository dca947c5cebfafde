package com.kcm.shared.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while a command or an import file is checked, then throws them all at once. */
public final class Violations {

	private final List<Violation> list = new ArrayList<>();

	public Violations add(Violation v) {
		list.add(v);
		return this;
	}

	public Violations field(String field, String code, Object... args) {
		return add(Violation.field(field, code, args));
	}

	public void addAll(List<Violation> vs) {
		list.addAll(vs);
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}

	public List<Violation> list() {
		return List.copyOf(list);
	}

	public void throwIfAny() {
		if (!list.isEmpty()) {
			throw new ValidationException(list);
		}
	}
}
