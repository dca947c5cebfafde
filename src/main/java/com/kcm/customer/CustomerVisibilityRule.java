package com.kcm.customer;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import com.kcm.identity.Scope;

/**
 * One more reason why a scoped caller may see a customer, besides having sold one of the customer's
 * vehicles (SPEC §8). The complaint module will contribute "a work order of this customer went to the
 * caller's dealer" as a bean of this type; {@link CustomerVisibility} ORs all rules together, so every
 * customer query widens at once. Only called for a restricted scope. The rule sees the customer's id only (never
 * the customer entity): it answers whether that id is among the customers visible to the scope, typically with
 * an {@code exists} subquery over its own tables correlated on the id.
 */
public interface CustomerVisibilityRule {

	Predicate visible(Expression<Long> customerId, CriteriaQuery<?> query, CriteriaBuilder cb, Scope scope);
}
