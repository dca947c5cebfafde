package com.kcm.shared.domain;

/**
 * A move the business rules refuse (an illegal transition, a duplicate, a state that does not allow it).
 * {@code code} is a message-bundle key so the user reads it in their language; nothing has changed.
 */
public class DomainException extends RuntimeException {

	private final String code;
	private final Object[] args;

	public DomainException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args;
	}
}
