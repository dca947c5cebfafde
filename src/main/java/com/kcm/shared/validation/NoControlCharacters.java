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
 * Text without a control character other than tab and line breaks, once stripped of surrounding blanks (as it is
 * stored); null passes. The API refuses such text before any command is read; this is for what pages hand in.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = NoControlCharacters.Check.class)
public @interface NoControlCharacters {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check. */
	class Check implements ConstraintValidator<NoControlCharacters, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().strip().chars()
					.noneMatch(ch -> Character.isISOControl(ch) && ch != '\t' && ch != '\n' && ch != '\r');
		}
	}
}
