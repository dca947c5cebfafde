package com.kcm.complaint;

import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.stereotype.Component;

import com.kcm.customer.CustomerVisibilityRule;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.Scope;

/**
 * A dealer (regional) user also sees the customers of complaints with a work order, not voided, to its
 * dealer (a dealer of its region) — it has to call them back even when the vehicle was sold elsewhere.
 */
@Component
class CustomersOfDispatchedComplaints implements CustomerVisibilityRule {

	private final DealerCatalog dealers;

	CustomersOfDispatchedComplaints(DealerCatalog dealers) {
		this.dealers = dealers;
	}

	@Override
	public Predicate visible(Expression<Long> customerId, CriteriaQuery<?> query, CriteriaBuilder cb, Scope scope) {
		List<Long> ids = scope.dealerId() != null ? List.of(scope.dealerId())
				: scope.regionId() == null ? List.of()
						: dealers.dealersOfRegion(scope.regionId()).stream().map(DealerSummary::id).toList();
		if (ids.isEmpty()) {
			return cb.disjunction();
		}
		Subquery<Integer> sq = query.subquery(Integer.class);
		Root<WorkOrder> w = sq.from(WorkOrder.class);
		Join<WorkOrder, Complaint> c = w.join("complaint");
		sq.select(cb.literal(1)).where(cb.equal(c.get("customerId"), customerId),
				Literals.isNot(cb, w.get("status"), WorkOrderStatus.VOIDED), w.get("dealerId").in(ids));
		return cb.exists(sq);
	}
}
