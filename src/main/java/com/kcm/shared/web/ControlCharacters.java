package com.kcm.shared.web;

import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;

import com.kcm.shared.domain.ValidationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * SPEC §11: a form field or query parameter holding a NUL or another control character (tab and line breaks
 * aside) is refused with 422 naming the field, before the controller runs — pages show the message, the API
 * answers in its error format. JSON bodies are checked by {@link RequestBodyChecks}.
 */
class ControlCharacters implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof org.springframework.web.method.HandlerMethod)) {
			return true; // static files: nothing is read from the parameters
		}
		for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
			if (RequestBodyChecks.hasControlCharacter(p.getKey())) {
				throw ValidationException.of(null, "error.text.controlCharacter");
			}
			for (String value : p.getValue()) {
				if (RequestBodyChecks.hasControlCharacter(value)) {
					throw ValidationException.of(p.getKey(), "error.text.controlCharacter");
				}
			}
		}
		return true;
	}
}
