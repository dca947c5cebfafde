package com.kcm.shared.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the side menu the signed-in user may use, grouped by section. */
@ControllerAdvice(annotations = Controller.class)
public class LayoutAdvice {

	private final List<NavItem> items;
	private final RoleHierarchy hierarchy;

	/** Menu sections in the order people work: the daily complaint work first, administration last. */
	static final List<String> SECTIONS = List.of("complaint", "assessment", "major", "crm", "master", "admin");

	LayoutAdvice(List<NavItem> items, RoleHierarchy hierarchy) {
		this.items = items.stream().sorted(Comparator.comparingInt(LayoutAdvice::sectionRank)
				.thenComparing(NavItem::section).thenComparingInt(NavItem::order)).toList();
		this.hierarchy = hierarchy;
	}

	private static int sectionRank(NavItem item) {
		int i = SECTIONS.indexOf(item.section());
		return i < 0 ? SECTIONS.size() : i;
	}

	@ModelAttribute("currentPath")
	String currentPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ModelAttribute("nav")
	Map<String, List<NavItem>> nav(Authentication auth, jakarta.servlet.http.HttpServletRequest request) {
		if (auth == null || isApi(request)) {
			return Map.of();
		}
		Set<String> roles = effectiveRoles(auth, hierarchy);
		return items.stream().filter(i -> i.roles().isEmpty() || i.roles().stream().anyMatch(roles::contains))
				.collect(Collectors.groupingBy(NavItem::section, LinkedHashMap::new, Collectors.toList()));
	}

	/**
	 * Whether a request goes to the REST API: controller advice meant for pages also reaches the API's
	 * controllers (a REST controller is a controller), and skips its work there.
	 */
	public static boolean isApi(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** Role codes (without {@code ROLE_}) the user holds, including those implied by the hierarchy. */
	public static Set<String> effectiveRoles(Authentication auth, RoleHierarchy hierarchy) {
		Collection<? extends GrantedAuthority> reachable = hierarchy.getReachableGrantedAuthorities(auth.getAuthorities());
		return reachable.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
				.map(a -> a.substring(5)).collect(Collectors.toSet());
	}
}
