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
 * Text of at most {@code value} characters once stripped of surrounding blanks (as it is stored); null passes.
 * The message is a message-bundle key whose argument {@code {0}} is {@code value}.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = MaxLength.Check.class)
public @interface MaxLength {

	int value();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check. */
	class Check implements ConstraintValidator<MaxLength, CharSequence> {

		private int max;

		@Override
		public void initialize(MaxLength annotation) {
			max = annotation.value();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().strip().length() <= max;
		}
	}
}
