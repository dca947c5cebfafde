package com.kcm.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.validation.FieldChecks;

import jakarta.validation.ConstraintViolation;

/**
 * Maps failures of the REST API to the answers of SPEC Appendix A:
 * {@code {"errors":[{"field" or "index", "message"}]}} with 400 (unreadable), 422 (rule broken),
 * 403, 404. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ValidationException.class)
	ResponseEntity<Errors> validation(ValidationException e) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, render(e.violations()));
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Errors> domain(DomainException e) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, List.of(error(null, null, text(e.code(), e.args()))));
	}

	/**
	 * A {@code @Valid} command whose field checks ({@link FieldChecks}) failed: the same answer as the
	 * {@link ValidationException} of a check written by hand — its message keys, the record's component order.
	 */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Errors> beanValidation(MethodArgumentNotValidException e) {
		List<ApiError> errors = new ArrayList<>();
		List<ConstraintViolation<?>> checks = new ArrayList<>();
		e.getBindingResult().getFieldErrors().forEach(fe -> {
			if (fe.contains(ConstraintViolation.class)) {
				checks.add(fe.unwrap(ConstraintViolation.class));
			} else {
				errors.add(error(fe.getField(), null, messages.getMessage(fe, LocaleContextHolder.getLocale())));
			}
		});
		errors.addAll(render(FieldChecks.of(checks, e.getParameter().getParameterType())));
		e.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(error(null, null,
				messages.getMessage(ge, LocaleContextHolder.getLocale()))));
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Errors> unreadable(HttpMessageNotReadableException e) {
		String field = JsonErrorPaths.fieldOf(e);
		Class<?> enumType = JsonErrorPaths.enumTypeOf(e);
		if (field != null && enumType != null) {
			// a code of a command that is not one of its enum's values: a broken rule, like a value checked by hand
			return answer(HttpStatus.UNPROCESSABLE_CONTENT, List.of(error(field, null, text("error.value.oneOf",
					JsonErrorPaths.valueOf(e), String.join(", ", Arrays.stream(enumType.getEnumConstants())
							.map(c -> ((Enum<?>) c).name()).toList())))));
		}
		return answer(HttpStatus.BAD_REQUEST, List.of(error(field, null,
				text(field == null ? "error.body.unreadable" : "error.body.badValue"))));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class })
	ResponseEntity<Errors> badParameter(MethodArgumentTypeMismatchException e) {
		return answer(HttpStatus.BAD_REQUEST, List.of(error(e.getName(), null, text("error.body.badValue"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Errors> missingParameter(MissingServletRequestParameterException e) {
		return answer(HttpStatus.BAD_REQUEST, List.of(error(e.getParameterName(), null, text("error.required"))));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Errors> tooLarge(MaxUploadSizeExceededException e) {
		return answer(HttpStatus.CONTENT_TOO_LARGE, List.of(error("file", null, text("error.upload.tooLarge"))));
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ResponseEntity<Errors> notFound(Exception e) {
		return answer(HttpStatus.NOT_FOUND, List.of(error(null, null, text("error.notFound"))));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Errors> denied(AccessDeniedException e) {
		return answer(HttpStatus.FORBIDDEN, List.of(error(null, null, text("error.forbidden"))));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Errors> method(HttpRequestMethodNotSupportedException e) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, List.of(error(null, null, e.getMessage())));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Errors> mediaType(HttpMediaTypeNotSupportedException e) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(error(null, null, e.getMessage())));
	}

	private List<ApiError> render(List<Violation> violations) {
		return violations.stream().map(v -> error(v.field(), v.index(), text(v.code(), v.args()))).toList();
	}

	private String text(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(code, args, code, locale);
	}

	/** The body of every API error answer. */
	public record Errors(List<ApiError> errors) {
	}

	/** One error: the item ({@code index}) of a list body and the {@code field} when known, and the message. */
	public record ApiError(@JsonInclude(JsonInclude.Include.NON_NULL) Integer index,
			@JsonInclude(JsonInclude.Include.NON_NULL) String field, String message) {
	}

	static ApiError error(String field, Integer index, String message) {
		return new ApiError(index, field, message);
	}

	static ResponseEntity<Errors> answer(HttpStatus status, List<ApiError> errors) {
		return ResponseEntity.status(status).body(new Errors(errors));
	}
}
