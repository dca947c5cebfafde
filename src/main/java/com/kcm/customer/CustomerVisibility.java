package com.kcm.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Scope;

/**
 * Which customers a caller may see, as a query predicate (never a check after loading): central roles
 * all; a dealer user the customers owning a vehicle it sold; a regional user those owning a vehicle
 * sold by a dealer of its region; plus whatever the {@link CustomerVisibilityRule}s of other modules add.
 */
@Component
class CustomerVisibility {

	private final List<CustomerVisibilityRule> rules;
	private final DealerCatalog dealers;

	CustomerVisibility(List<CustomerVisibilityRule> rules, DealerCatalog dealers) {
		this.rules = rules;
		this.dealers = dealers;
	}

	/** The dealers whose sales the scope covers: its own dealer, or the dealers of its region. */
	private List<Long> dealersOf(Scope scope) {
		if (scope.dealerId() != null) {
			return List.of(scope.dealerId());
		}
		return dealers.dealersOfRegion(scope.regionId()).stream().map(DealerSummary::id).toList();
	}

	Specification<Customer> visibleTo(Scope scope) {
		return (root, query, cb) -> {
			if (scope.unrestricted()) {
				return cb.conjunction();
			}
			List<Predicate> any = new ArrayList<>();
			List<Long> sellers = dealersOf(scope);
			if (!sellers.isEmpty()) {
				any.add(cb.exists(soldVehicle(root, query, cb, sellers)));
			}
			for (CustomerVisibilityRule rule : rules) {
				any.add(rule.visible(root.get("id"), query, cb, scope));
			}
			return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
		};
	}

	private static Subquery<Integer> soldVehicle(Root<Customer> customer,
			jakarta.persistence.criteria.CriteriaQuery<?> query, jakarta.persistence.criteria.CriteriaBuilder cb,
			List<Long> sellers) {
		Subquery<Integer> sq = query.subquery(Integer.class);
		Root<Vehicle> v = sq.from(Vehicle.class);
		sq.select(cb.literal(1));
		return sq.where(cb.equal(v.get("ownerId"), customer.get("id")), v.get("sellingDealerId").in(sellers));
	}
}
