package com.kcm.assessment;

import java.util.Collection;
import java.util.List;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;

/** The dealers an assessment list may show to the caller, as a query predicate. */
final class VisibleDealers {

	private VisibleDealers() {
	}

	/**
	 * The ids of the dealers the caller may see, narrowed to a region when {@code regionCode} is given;
	 * {@code null} means every dealer (no predicate). A dealer user sees itself, a regional user its region.
	 */
	static Collection<Long> visibleDealerIds(DealerCatalog dealers, CurrentUsers users, String regionCode) {
		Scope scope = users.find().map(CurrentUser::scope).orElse(Scope.ALL);
		Long regionId = null;
		if (regionCode != null && !regionCode.isBlank()) {
			regionId = dealers.regionByCode(regionCode).map(r -> r.id()).orElse(-1L);
		}
		if (scope.dealerId() != null) {
			long own = scope.dealerId();
			Long wanted = regionId;
			boolean inRegion = wanted == null || dealers.byId(own).map(d -> d.regionId() == wanted).orElse(false);
			return inRegion ? List.of(own) : List.of();
		}
		if (scope.regionId() != null) {
			if (regionId != null && !regionId.equals(scope.regionId())) {
				return List.of();
			}
			regionId = scope.regionId();
		}
		if (regionId == null) {
			return null;
		}
		return dealers.dealersOfRegion(regionId).stream().map(DealerSummary::id).toList();
	}

	static boolean visible(DealerSummary d, CurrentUsers users) {
		Scope scope = users.find().map(CurrentUser::scope).orElse(Scope.ALL);
		return scope.unrestricted() || (scope.dealerId() != null && scope.dealerId() == d.id())
				|| (scope.regionId() != null && scope.regionId() == d.regionId());
	}
}
