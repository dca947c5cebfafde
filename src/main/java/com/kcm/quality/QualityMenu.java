package com.kcm.quality;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.NavItem;

/** The 三包 pages in the side menu, and the number of vehicles with a reached flag on the home page. */
@Configuration(proxyBeanMethods = false)
class QualityMenu {

	@Bean
	NavItem sanbaoMenu() {
		return new NavItem("quality", 10, "nav.quality.sanbao", "/quality/sanbao", Set.of("AFTER_SALES", "AFTER_SALES_MANAGER"));
	}

	@Bean
	NavItem repairOrderImportMenu() {
		return new NavItem("quality", 20, "nav.quality.import", "/quality/repair-orders/import",
				Set.of("AFTER_SALES", "AFTER_SALES_MANAGER"));
	}

	@Bean
	NavItem analysisMenu() {
		return new NavItem("quality", 25, "nav.quality.analysis", "/quality/analysis", Set.of("AFTER_SALES", "AFTER_SALES_MANAGER"));
	}

	@Bean
	NavItem capaMenu() {
		return new NavItem("quality", 30, "nav.quality.capas", "/quality/capas", Set.of("AFTER_SALES", "AFTER_SALES_MANAGER"));
	}

	@Component
	static class Tiles implements HomeTiles {

		private final JdbcClient jdbc;
		private final RoleHierarchy hierarchy;

		Tiles(JdbcClient jdbc, RoleHierarchy hierarchy) {
			this.jdbc = jdbc;
			this.hierarchy = hierarchy;
		}

		@Override
		public List<HomeTile> tiles(Authentication user) {
			Set<String> roles = LayoutAdvice.effectiveRoles(user, hierarchy);
			if (!roles.contains("AFTER_SALES") && !roles.contains("AFTER_SALES_MANAGER")) {
				return List.of();
			}
			long reached = jdbc.sql("select count(distinct vehicle_id) from sanbao_flag where state = 'REACHED'")
					.query(Long.class).single();
			return List.of(new HomeTile(40, "tile.quality.reached", String.valueOf(reached), "/quality/sanbao?state=REACHED",
					reached > 0 ? "border-danger" : ""));
		}
	}
}
