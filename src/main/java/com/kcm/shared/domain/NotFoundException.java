package com.kcm.shared.domain;

/**
 * The record does not exist <em>or the caller may not see it</em>: both answer 404, so ids of other
 * dealers and regions reveal nothing.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
