package com.kcm.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.kcm.identity.CurrentUsers;
import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.NavItem;

/** "My accounts" in the side menu; the account manager's overdue visits, follow-ups due and contracts ending on the home page. */
@Configuration(proxyBeanMethods = false)
class CrmMenu {

	@Bean
	NavItem keyAccountsMenu() {
		return new NavItem("crm", 10, "nav.crm.accounts", "/key-accounts", Set.of("ACCOUNT_MANAGER", "AFTER_SALES"));
	}

	@Component
	static class Tiles implements HomeTiles {

		private final KeyAccounts keyAccounts;
		private final Contracts contracts;
		private final RoleHierarchy hierarchy;
		private final CurrentUsers users;

		Tiles(KeyAccounts keyAccounts, Contracts contracts, RoleHierarchy hierarchy, CurrentUsers users) {
			this.users = users;
			this.keyAccounts = keyAccounts;
			this.contracts = contracts;
			this.hierarchy = hierarchy;
		}

		@Override
		public List<HomeTile> tiles(Authentication user) {
			Set<String> roles = LayoutAdvice.effectiveRoles(user, hierarchy);
			if (users.find().isEmpty() || !users.find().get().has(com.kcm.identity.Role.ACCOUNT_MANAGER)) {
				return List.of();
			}
			long me = users.find().get().id();
			List<HomeTile> tiles = new ArrayList<>();
			long overdue = keyAccounts.countOverdue(me);
			long followUps = keyAccounts.countFollowUpsDue(me);
			int ending = contracts.expiringSoon(100).size();
			tiles.add(new HomeTile(5, "tile.crm.overdueVisits", String.valueOf(overdue), "/key-accounts",
					overdue > 0 ? "border-danger" : ""));
			tiles.add(new HomeTile(6, "tile.crm.followUps", String.valueOf(followUps), "/key-accounts",
					followUps > 0 ? "border-warning" : ""));
			tiles.add(new HomeTile(7, "tile.crm.contractsEnding", ending >= 100 ? "99+" : String.valueOf(ending),
					"/key-accounts#expiring", ending > 0 ? "border-warning" : ""));
			return tiles;
		}
	}
}
