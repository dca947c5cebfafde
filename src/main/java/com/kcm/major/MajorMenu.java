package com.kcm.major;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.NavItem;

/** The major-complaint pages in the side menu, and the open and overdue major complaints on the home page. */
@Configuration(proxyBeanMethods = false)
class MajorMenu {

	@Bean
	NavItem majorListMenu() {
		return new NavItem("major", 10, "nav.major.list", "/major-complaints",
				Set.of("AFTER_SALES", "DEALER", "REGIONAL"));
	}

	@Bean
	NavItem majorClaimsMenu() {
		return new NavItem("major", 20, "nav.major.claims", "/major-complaints/claims", Set.of("AFTER_SALES_MANAGER"));
	}

	@Component
	static class Tiles implements HomeTiles {

		private final MajorViews views;
		private final RoleHierarchy hierarchy;

		Tiles(MajorViews views, RoleHierarchy hierarchy) {
			this.views = views;
			this.hierarchy = hierarchy;
		}

		@Override
		public List<HomeTile> tiles(Authentication user) {
			Set<String> roles = LayoutAdvice.effectiveRoles(user, hierarchy);
			List<HomeTile> tiles = new ArrayList<>();
			if (roles.contains("DEALER") || roles.contains("REGIONAL") || roles.contains("AFTER_SALES")) {
				long overdue = views.countReportOverdue();
				tiles.add(new HomeTile(20, "tile.major.open", String.valueOf(views.countOpen()), "/major-complaints", ""));
				tiles.add(new HomeTile(21, "tile.major.overdue", String.valueOf(overdue), "/major-complaints?status=OPEN",
						overdue > 0 ? "border-danger" : ""));
			}
			return tiles;
		}
	}
}
