package com.kcm.assessment;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kcm.shared.web.NavItem;

/** The monthly bulletin and the assessment dashboard in the side menu. */
@Configuration(proxyBeanMethods = false)
class BulletinMenu {

	@Bean
	NavItem assessmentDashboardMenu() {
		return new NavItem("assessment", 10, "nav.assessment.dashboard", "/assessment/dashboard",
				Set.of("AFTER_SALES", "CS_SUPERVISOR", "FINANCE", "REGIONAL", "DEALER"));
	}

	@Bean
	NavItem assessmentBulletinMenu() {
		return new NavItem("assessment", 20, "nav.assessment.bulletin", "/assessment/bulletin",
				Set.of("AFTER_SALES", "CS_SUPERVISOR", "FINANCE", "REGIONAL"));
	}
}
