package com.kcm.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.LayoutAdvice;

/**
 * Home page: overdue access-log reviews and breaches with a passed deadline (red when any), and for approvers the
 * export requests waiting for them.
 */
@Component
class PrivacyTiles implements HomeTiles {

	private final AccessReviews reviews;
	private final Breaches breaches;
	private final ExportApprovals approvals;
	private final RoleHierarchy hierarchy;

	PrivacyTiles(AccessReviews reviews, Breaches breaches, ExportApprovals approvals, RoleHierarchy hierarchy) {
		this.reviews = reviews;
		this.breaches = breaches;
		this.approvals = approvals;
		this.hierarchy = hierarchy;
	}

	@Override
	public List<HomeTile> tiles(Authentication user) {
		Set<String> roles = LayoutAdvice.effectiveRoles(user, hierarchy);
		List<HomeTile> tiles = new ArrayList<>();
		if (roles.contains("ADMIN")) {
			long overdue = reviews.overdueCount();
			tiles.add(new HomeTile(90, "privacy.tile.reviewsOverdue", String.valueOf(overdue), "/privacy/access-reviews",
					overdue > 0 ? "border-danger" : ""));
		}
		if (roles.contains("ADMIN") || roles.contains("AFTER_SALES_MANAGER")) {
			long overdue = breaches.overdueCount();
			if (overdue > 0) {
				tiles.add(new HomeTile(91, "privacy.tile.breachesOverdue", String.valueOf(overdue), "/privacy/breaches",
						"border-danger"));
			}
		}
		if (roles.contains("AFTER_SALES_MANAGER") || roles.contains("CS_SUPERVISOR")) {
			long pending = approvals.pending(PageRequest.of(0, 1)).getTotalElements();
			if (pending > 0) {
				tiles.add(new HomeTile(92, "privacy.tile.exportsPending", String.valueOf(pending), "/exports", "border-warning"));
			}
		}
		return tiles;
	}
}
