package com.kcm.major;

import java.util.Set;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kcm.audit.Audit;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.identity.Scope;
import com.kcm.shared.domain.NotFoundException;

/**
 * Who may see and act on which major complaint (SPEC §8): exactly those who may see its complaint (the
 * dealer of its work orders, its region, the central roles); lists are scoped in the query by the dealer and
 * region the major complaint was flagged against. Anything else is a 404, audited.
 */
@Component
class MajorAccess {

	private final CurrentUsers users;
	private final MajorComplaintRepository majors;
	private final ComplaintQueries complaints;
	private final Audit audit;

	MajorAccess(CurrentUsers users, MajorComplaintRepository majors, ComplaintQueries complaints, Audit audit) {
		this.users = users;
		this.majors = majors;
		this.complaints = complaints;
		this.audit = audit;
	}

	CurrentUser user() {
		return users.current();
	}

	String actor() {
		return users.find().map(CurrentUser::username).orElse("system");
	}

	/** The major complaint if the caller may see its complaint; otherwise 404 and an audit entry. */
	MajorComplaint load(long id) {
		MajorComplaint m = majors.findById(id).orElseThrow(() -> new NotFoundException("major complaint", id));
		try {
			complaints.requireVisible(m.getComplaintId());
		} catch (NotFoundException e) {
			audit.notVisible("major_complaint", id);
			throw new NotFoundException("major complaint", id);
		}
		return m;
	}

	Specification<MajorComplaint> visible() {
		Scope scope = users.find().map(CurrentUser::scope).orElse(Scope.ALL);
		if (scope.unrestricted()) {
			return Specification.unrestricted();
		}
		if (scope.dealerId() != null) {
			return (r, q, cb) -> cb.equal(r.get("dealerId"), scope.dealerId());
		}
		return (r, q, cb) -> cb.equal(r.get("regionId"), scope.regionId());
	}

	/** Refuses (403, audited) unless the caller holds one of the roles; managers and the admin hold more. */
	void require(Set<Role> roles) {
		CurrentUser u = user();
		for (Role r : roles) {
			if (u.holds(r)) {
				return;
			}
		}
		audit.accessDenied("major complaint move needing " + roles);
		throw new AccessDeniedException("role");
	}


	boolean holds(Role r) {
		return user().holds(r);
	}
}
