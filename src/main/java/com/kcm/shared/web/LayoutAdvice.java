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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page the side menu the signed-in user may use, grouped by section, and its own path. Added
 * when a page is about to be rendered (an interceptor's {@code postHandle}), not as model attributes for
 * every handler: those would also run, uselessly, for every call to the REST API.
 */
@Component
public class LayoutAdvice implements HandlerInterceptor, WebMvcConfigurer {

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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Object handler, ModelAndView page) {
		if (rendersPage(page) && !isApi(request)) {
			page.addObject("currentPath", request.getRequestURI());
			page.addObject("nav", nav(SecurityContextHolder.getContext().getAuthentication()));
		}
	}

	/** Whether the handler's answer is a page to render (not a redirect or forward, which takes no model). */
	public static boolean rendersPage(ModelAndView page) {
		if (page == null || !page.hasView() || page.wasCleared()) {
			return false;
		}
		if (page.getView() instanceof SmartView view && view.isRedirectView()) {
			return false;
		}
		String name = page.getViewName();
		return name == null || !(name.startsWith("redirect:") || name.startsWith("forward:"));
	}

	Map<String, List<NavItem>> nav(Authentication auth) {
		if (auth == null) {
			return Map.of();
		}
		Set<String> roles = effectiveRoles(auth, hierarchy);
		return items.stream().filter(i -> i.roles().isEmpty() || i.roles().stream().anyMatch(roles::contains))
				.collect(Collectors.groupingBy(NavItem::section, LinkedHashMap::new, Collectors.toList()));
	}

	/**
	 * Whether a request goes to the REST API: controller advice meant for pages also reaches the API's
	 * controllers (a REST controller is a controller) and should skip its work there.
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
