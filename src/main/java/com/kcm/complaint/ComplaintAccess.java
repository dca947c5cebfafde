package com.kcm.complaint;

import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.identity.Scope;
import com.kcm.shared.domain.NotFoundException;

/**
 * Who may see and move which complaint (SPEC §8, Appendix A): a dealer user sees complaints with a (not
 * voided) work order to its dealer, a regional user those with one to a dealer of its region; the
 * central roles see all. Visibility is a query predicate; a complaint outside it is a 404, audited.
 */
@Component
class ComplaintAccess {

	private final CurrentUsers users;
	private final DealerCatalog dealers;
	private final ComplaintRepository complaints;
	private final Audit audit;

	ComplaintAccess(CurrentUsers users, DealerCatalog dealers, ComplaintRepository complaints, Audit audit) {
		this.users = users;
		this.dealers = dealers;
		this.complaints = complaints;
		this.audit = audit;
	}

	CurrentUser user() {
		return users.current();
	}

	/** The dealers whose work orders the caller may see; {@code null} means all. */
	List<Long> visibleDealers() {
		Scope scope = users.find().map(CurrentUser::scope).orElse(Scope.ALL);
		if (scope.unrestricted()) {
			return null;
		}
		if (scope.dealerId() != null) {
			return List.of(scope.dealerId());
		}
		return dealers.dealersOfRegion(scope.regionId()).stream().map(DealerSummary::id).toList();
	}

	Specification<Complaint> visible() {
		List<Long> ids = visibleDealers();
		if (ids == null) {
			return Specification.unrestricted();
		}
		return (root, query, cb) -> {
			if (ids.isEmpty()) {
				return cb.disjunction();
			}
			Subquery<Long> sub = query.subquery(Long.class);
			Root<WorkOrder> w = sub.from(WorkOrder.class);
			sub.select(w.get("id")).where(cb.equal(w.get("complaint"), root),
					Literals.isNot(cb, w.get("status"), WorkOrderStatus.VOIDED), w.get("dealerId").in(ids));
			return cb.exists(sub);
		};
	}

	/** The complaint if the caller may see it; otherwise 404 and an audit entry. */
	Complaint load(long id) {
		Specification<Complaint> byId = (r, q, cb) -> cb.equal(r.get("id"), id);
		return complaints.findOne(byId.and(visible())).orElseThrow(() -> {
			if (complaints.existsById(id)) {
				audit.notVisible("complaint", id);
			}
			return new NotFoundException("complaint", id);
		});
	}

	/** Refuses (403) unless the caller holds one of the roles (the role hierarchy applies: admin, managers). */
	void require(Set<Role> roles) {
		CurrentUser u = user();
		for (Role r : roles) {
			if (u.holds(r)) {
				return;
			}
		}
		audit.accessDenied("complaint move needing " + roles);
		throw new AccessDeniedException("role");
	}


	/** A dealer user may act only on its own dealer's current work order. */
	void requireOwnWorkOrder(WorkOrder wo) {
		CurrentUser u = user();
		if (u.has(Role.DEALER) && !wo.getDealerId().equals(u.dealerId())) {
			throw new NotFoundException("work order", wo.getId());
		}
	}
}
