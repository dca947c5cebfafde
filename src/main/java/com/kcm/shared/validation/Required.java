package com.kcm.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A field that must be given: not null, and text not blank in the sense of {@link String#isBlank()} (a full-width
 * space is blank too, unlike {@code @NotBlank}). The message is a message-bundle key, as a {@code Violation}'s.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = Required.Check.class)
public @interface Required {

	String message() default "error.required";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check. */
	class Check implements ConstraintValidator<Required, Object> {

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			return value != null && !(value instanceof CharSequence s && s.toString().isBlank());
		}
	}
}
