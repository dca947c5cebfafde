package com.kcm.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import com.kcm.dealer.Dealer;
import com.kcm.identity.Scope;

/**
 * Which customers a caller may see, as a query predicate (never a check after loading): central roles
 * all; a dealer user the customers owning a vehicle it sold; a regional user those owning a vehicle
 * sold by a dealer of its region; plus whatever the {@link CustomerVisibilityRule}s of other modules add.
 */
@Component
class CustomerVisibility {

	private final List<CustomerVisibilityRule> rules;

	CustomerVisibility(List<CustomerVisibilityRule> rules) {
		this.rules = rules;
	}

	Specification<Customer> visibleTo(Scope scope) {
		return (root, query, cb) -> {
			if (scope.unrestricted()) {
				return cb.conjunction();
			}
			List<Predicate> any = new ArrayList<>();
			any.add(cb.exists(soldVehicle(root, query, cb, scope)));
			for (CustomerVisibilityRule rule : rules) {
				any.add(rule.visible(root, query, cb, scope));
			}
			return cb.or(any.toArray(Predicate[]::new));
		};
	}

	private static Subquery<Integer> soldVehicle(Root<Customer> customer,
			jakarta.persistence.criteria.CriteriaQuery<?> query, jakarta.persistence.criteria.CriteriaBuilder cb,
			Scope scope) {
		Subquery<Integer> sq = query.subquery(Integer.class);
		Root<Vehicle> v = sq.from(Vehicle.class);
		sq.select(cb.literal(1));
		Predicate owner = cb.equal(v.get("ownerId"), customer.get("id"));
		if (scope.dealerId() != null) {
			return sq.where(owner, cb.equal(v.get("sellingDealerId"), scope.dealerId()));
		}
		Root<Dealer> d = sq.from(Dealer.class);
		return sq.where(owner, cb.equal(d.get("id"), v.get("sellingDealerId")),
				cb.equal(d.get("regionId"), scope.regionId()));
	}
}
