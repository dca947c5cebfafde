package com.kcm.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * How a command's enum code is read from JSON: an empty or blank code is a missing one ({@code null}), so the
 * service answers {@code error.required} for a required code and ignores an optional one, as it did when codes
 * were text; an unknown code is refused by {@link ApiErrors} with 422 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class CommandCodes {

	@Bean
	JsonMapperBuilderCustomizer blankCodeIsMissing() {
		return builder -> builder.withCoercionConfig(LogicalType.Enum,
				c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull));
	}
}
