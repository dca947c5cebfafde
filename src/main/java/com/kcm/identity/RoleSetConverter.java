package com.kcm.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a user's roles as one comma-separated column: read with the user, no extra query per row. */
@Converter
class RoleSetConverter implements AttributeConverter<Set<Role>, String> {

	@Override
	public String convertToDatabaseColumn(Set<Role> roles) {
		return roles == null ? "" : roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	@Override
	public Set<Role> convertToEntityAttribute(String column) {
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		if (column != null && !column.isBlank()) {
			Arrays.stream(column.split(",")).map(String::trim).map(Role::valueOf).forEach(set::add);
		}
		return set;
	}
}
