package com.kcm.support;

import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The columns an entity's JPA mapping writes (its id and every mapped attribute): what the plain-JDBC rows of
 * ADR 0002 must write too.
 */
public final class MappedColumns {

	private MappedColumns() {
	}

	public static Set<String> of(EntityManagerFactory emf, Class<?> entity) {
		Set<String> columns = new TreeSet<>();
		var descriptor = emf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(entity);
		descriptor.getIdentifierMapping().forEachSelectable((i, selectable) -> columns.add(selectable.getSelectionExpression()));
		descriptor.forEachSelectable((i, selectable) -> columns.add(selectable.getSelectionExpression()));
		return columns;
	}
}
