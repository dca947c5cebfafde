package com.kcm.shared.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
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
 * order of the record's components, and of the annotations on one component, whatever order the validator found
 * them in.
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
		Comparator<ConstraintViolation<?>> order = Comparator.comparingInt(v -> position(type, v));
		return violations.stream().sorted(order.thenComparingInt(v -> annotation(type, v)))
				.map(FieldChecks::violation).toList();
	}

	private static Violation violation(ConstraintViolation<?> v) {
		Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
		Object bound = attributes.get("value");
		return bound == null ? Violation.field(v.getPropertyPath().toString(), v.getMessageTemplate())
				: Violation.field(v.getPropertyPath().toString(), v.getMessageTemplate(), bound);
	}

	/** Where the component of a violation stands among the components of {@code type}. */
	private static int position(Class<?> type, ConstraintViolation<?> v) {
		RecordComponent[] components = type.getRecordComponents();
		String name = name(v);
		for (int i = 0; components != null && i < components.length; i++) {
			if (components[i].getName().equals(name)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	/** Where the violated annotation stands on its field: the checks of one field in the order they are written. */
	private static int annotation(Class<?> type, ConstraintViolation<?> v) {
		Class<?> violated = v.getConstraintDescriptor().getAnnotation().annotationType();
		try {
			// the field's: every constraint annotation may sit on a field, not all of them on a record component
			Annotation[] annotations = type.getDeclaredField(name(v)).getAnnotations();
			for (int i = 0; i < annotations.length; i++) {
				if (annotations[i].annotationType() == violated) {
					return i;
				}
			}
		} catch (NoSuchFieldException e) {
			// a check of the whole record: after its fields'
		}
		return Integer.MAX_VALUE;
	}

	/** The first node of the violation's path: the component's name. */
	private static String name(ConstraintViolation<?> v) {
		Iterator<Path.Node> path = v.getPropertyPath().iterator();
		return path.hasNext() ? String.valueOf(path.next().getName()) : "";
	}
}
