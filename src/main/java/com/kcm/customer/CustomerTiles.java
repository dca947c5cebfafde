package com.kcm.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.LayoutAdvice;

/** Home page: the customers the user may see; for central roles also the suspected duplicates. */
@Component
class CustomerTiles implements HomeTiles {

	private final Customers customers;
	private final RoleHierarchy hierarchy;

	CustomerTiles(Customers customers, RoleHierarchy hierarchy) {
		this.customers = customers;
		this.hierarchy = hierarchy;
	}

	@Override
	public List<HomeTile> tiles(Authentication user) {
		Set<String> roles = LayoutAdvice.effectiveRoles(user, hierarchy);
		boolean scoped = roles.contains("DEALER") || roles.contains("REGIONAL");
		boolean central = roles.contains("CS_AGENT") || roles.contains("AFTER_SALES") || roles.contains("ACCOUNT_MANAGER");
		if (!scoped && !central) {
			return List.of();
		}
		List<HomeTile> tiles = new ArrayList<>();
		tiles.add(new HomeTile(20, "tile.customers", String.valueOf(customers.count(CustomerFilter.NONE)), "/customers", ""));
		if (!scoped) {
			long duplicates = customers.count(new CustomerFilter(null, null, null, true));
			tiles.add(new HomeTile(21, "tile.duplicates", String.valueOf(duplicates), "/customers?duplicates=true",
					duplicates > 0 ? "border-warning" : ""));
		}
		return tiles;
	}
}
