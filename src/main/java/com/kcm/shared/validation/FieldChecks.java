package com.kcm.shared.validation;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.kcm.shared.domain.Violation;

/**
 * The plain field checks of a command (required, length, range), declared with Bean Validation annotations on its
 * record components, as {@link Violation}s: the field is the component's path, the code the annotation's
 * {@code message} (a message-bundle key, so the text is the one a check written by hand gives) and its argument the
 * annotation's {@code value} where it has one ({@code @MaxLength(500)}, {@code @Max(10)}). Violations come in the
 * order of the record's components, whatever order the validator found them in.
 */
public final class FieldChecks {

	private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
			.messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

	private FieldChecks() {
	}

	/** The broken field checks of {@code command}, in the order of its components (none: an empty list). */
	public static List<Violation> of(Object command) {
		return of(VALIDATOR.validate(command), command.getClass());
	}

	/** {@code violations} of a {@code type} (a command record) as {@link Violation}s in its components' order. */
	public static List<Violation> of(Collection<? extends ConstraintViolation<?>> violations, Class<?> type) {
		return violations.stream().sorted(Comparator.comparingInt(v -> position(type, v.getPropertyPath())))
				.map(FieldChecks::violation).toList();
	}

	private static Violation violation(ConstraintViolation<?> v) {
		Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
		Object bound = attributes.get("value");
		return bound == null ? Violation.field(v.getPropertyPath().toString(), v.getMessageTemplate())
				: Violation.field(v.getPropertyPath().toString(), v.getMessageTemplate(), bound);
	}

	/** Where the first node of {@code path} stands among the components of {@code type}. */
	private static int position(Class<?> type, Path path) {
		RecordComponent[] components = type.getRecordComponents();
		if (components == null || !path.iterator().hasNext()) {
			return Integer.MAX_VALUE;
		}
		String name = path.iterator().next().getName();
		for (int i = 0; i < components.length; i++) {
			if (components[i].getName().equals(name)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}
}
