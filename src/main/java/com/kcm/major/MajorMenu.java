package com.kcm.major;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kcm.shared.web.NavItem;

/** The major-complaint pages in the side menu. */
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
}
