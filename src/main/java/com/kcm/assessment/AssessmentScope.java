package com.kcm.assessment;

import java.util.List;

import org.springframework.stereotype.Component;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.dealer.RegionSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.shared.domain.NotFoundException;

/**
 * Which dealers a bulletin or dashboard request covers (SPEC §8): a dealer user only its dealer, a regional
 * user only its region; a region or dealer asked for outside the scope is a 404 and an audit entry.
 */
@Component
class AssessmentScope {

	/** What a request covers: one dealer, one region, or (both null) the whole network. */
	record Selection(DealerSummary dealer, RegionSummary region, List<Long> dealerIds) {

		boolean network() {
			return dealer == null && region == null;
		}
	}

	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final Audit audit;

	AssessmentScope(DealerCatalog dealers, CurrentUsers users, Audit audit) {
		this.dealers = dealers;
		this.users = users;
		this.audit = audit;
	}

	Scope scope() {
		return users.find().map(CurrentUser::scope).orElse(Scope.ALL);
	}

	/**
	 * The selection for a dealer code or a region code (blank: the caller's default — its dealer, its region,
	 * or the whole network). {@code dealerIds} is null for the whole network.
	 */
	Selection select(String dealerCode, String regionCode) {
		Scope scope = scope();
		if (dealerCode != null && !dealerCode.isBlank()) {
			DealerSummary d = dealers.visible(dealerCode.trim());
			return new Selection(d, null, List.of(d.id()));
		}
		if (regionCode != null && !regionCode.isBlank()) {
			RegionSummary r = visibleRegion(regionCode.trim());
			return new Selection(null, r, idsOf(r.id()));
		}
		if (scope.dealerId() != null) {
			DealerSummary d = dealers.byId(scope.dealerId()).orElse(null);
			return d == null ? new Selection(null, null, List.of()) : new Selection(d, null, List.of(d.id()));
		}
		if (scope.regionId() != null) {
			RegionSummary r = dealers.region(scope.regionId()).orElse(null);
			return r == null ? new Selection(null, null, List.of()) : new Selection(null, r, idsOf(r.id()));
		}
		return new Selection(null, null, null);
	}

	/** A region the caller may see as a whole (never for a dealer user); otherwise 404, audited when it exists. */
	RegionSummary visibleRegion(String code) {
		RegionSummary region = dealers.regionByCode(code).orElseThrow(() -> new NotFoundException("region", code));
		Scope scope = scope();
		boolean visible = scope.unrestricted() || (scope.regionId() != null && scope.regionId() == region.id());
		if (!visible) {
			audit.notVisible("region", code);
			throw new NotFoundException("region", code);
		}
		return region;
	}

	private List<Long> idsOf(long regionId) {
		return dealers.dealersOfRegion(regionId).stream().map(DealerSummary::id).toList();
	}
}
