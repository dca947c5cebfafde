package com.kcm.shared.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;

/** Pages: not found (or not visible) is a 404 page; a refused move shows its reason, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	private final MessageSource messages;

	PageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(DomainException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String refused(DomainException e, Model model) {
		model.addAttribute("problems", List.of(messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale())));
		return "error/problem";
	}

	@ExceptionHandler(ValidationException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String invalid(ValidationException e, Model model) {
		model.addAttribute("problems", Messages.render(messages, e.violations()));
		return "error/problem";
	}
}
