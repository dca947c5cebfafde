package com.kcm.shared.web;

import java.util.List;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/** Finds the JSON path of the value that could not be read, so the error can name the field. */
final class JsonErrorPaths {

	private JsonErrorPaths() {
	}

	/** The enum type a JSON string could not be read as (an unknown code), or null for any other failure. */
	static Class<?> enumTypeOf(HttpMessageNotReadableException e) {
		return jacksonCause(e) instanceof InvalidFormatException f && f.getTargetType() != null
				&& f.getTargetType().isEnum() ? f.getTargetType() : null;
	}

	/** The value that could not be read, as text. */
	static String valueOf(HttpMessageNotReadableException e) {
		return jacksonCause(e) instanceof InvalidFormatException f ? String.valueOf(f.getValue()) : null;
	}

	private static JacksonException jacksonCause(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		return (JacksonException) cause;
	}

	/**
	 * The dotted path of the value that could not be read ({@code customer.name}, {@code parts[1]}); an unknown code
	 * in a list of codes names the list ({@code triggers}, not {@code triggers[1]}), as the checks by hand did.
	 */
	static String fieldOf(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
			List<JacksonException.Reference> path = je.getPath();
			if (enumTypeOf(e) != null && path.size() > 1 && path.getLast().getPropertyName() == null) {
				path = path.subList(0, path.size() - 1);
			}
			StringBuilder sb = new StringBuilder();
			for (JacksonException.Reference ref : path) {
				if (ref.getPropertyName() != null) {
					if (!sb.isEmpty()) {
						sb.append('.');
					}
					sb.append(ref.getPropertyName());
				} else if (ref.getIndex() >= 0) {
					sb.append('[').append(ref.getIndex()).append(']');
				}
			}
			return sb.isEmpty() ? null : sb.toString();
		}
		return null;
	}
}
