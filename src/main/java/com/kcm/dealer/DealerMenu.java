package com.kcm.dealer;

import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;

import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.NavItem;

/**
 * Menu entries and home tiles of the dealer network. Every role may read dealers (finance needs them on
 * statements; dealer and regional users see their own scope), regions are administration.
 */
@Configuration(proxyBeanMethods = false)
class DealerMenu {

	@Bean
	NavItem dealersMenu() {
		return new NavItem("master", 10, "nav.dealers", "/dealers", Set.of());
	}

	@Bean
	NavItem regionsMenu() {
		return new NavItem("admin", 20, "nav.regions", "/regions", Set.of("ADMIN"));
	}

	@Bean
	HomeTiles dealerTiles(DealerCatalog catalog, CurrentUsers currentUsers, MessageSource messages) {
		return (Authentication auth) -> {
			CurrentUser user = currentUsers.find().orElse(null);
			if (user == null) {
				return List.of();
			}
			if (user.has(Role.DEALER)) {
				if (user.dealerId() == null) {
					return List.of();
				}
				return catalog.byId(user.dealerId()).map(d -> List.of(new HomeTile(5, "home.myDealer",
						d.code() + " " + d.name() + " · " + messages.getMessage("dealer.status." + d.status().name(), null,
								d.status().name(), LocaleContextHolder.getLocale()),
						"/dealers/" + d.code(), d.status() == DealerStatus.ACTIVE ? "" : "border-warning")))
						.orElse(List.of());
			}
			return List.of(new HomeTile(50, "home.dealers", String.valueOf(catalog.countVisible()), "/dealers", ""));
		};
	}
}
