package com.kcm.complaint;

import java.util.Collection;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * Conditions on fixed enum values written into the SQL as literals instead of bind parameters. The queries'
 * conditions on status never change between requests; as literals they let PostgreSQL plan a statement
 * once for the connection (a generic plan that still uses the partial indexes on status) instead of
 * planning it again at every execution, which cost more than running it.
 */
final class Literals {

	private Literals() {
	}

	static <E extends Enum<E>> Predicate is(CriteriaBuilder cb, Expression<E> path, E value) {
		return cb.equal(path, cb.literal(value));
	}

	static <E extends Enum<E>> Predicate isNot(CriteriaBuilder cb, Expression<E> path, E value) {
		return cb.notEqual(path, cb.literal(value));
	}

	static <E extends Enum<E>> Predicate among(CriteriaBuilder cb, Expression<E> path, Collection<E> values) {
		return path.in(values.stream().map(cb::literal).toArray(Expression[]::new));
	}
}
