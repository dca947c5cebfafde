package com.kcm.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import com.kcm.audit.Audit;

/**
 * Two filter chains: the REST API under {@code /api/**} (stateless, bearer tokens, JSON errors) and the
 * web pages (form login, session, CSRF). Both send the security headers of SPEC §8.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * An administrator may do everything the central roles may (SPEC Appendix A); a manager what a
	 * specialist may; a supervisor what an agent may. Dealer and regional rights are never implied: they
	 * come with a scope.
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
				.role("ADMIN").implies("AFTER_SALES_MANAGER", "CS_SUPERVISOR", "FINANCE", "ACCOUNT_MANAGER")
				.role("AFTER_SALES_MANAGER").implies("AFTER_SALES")
				.role("CS_SUPERVISOR").implies("CS_AGENT")
				.build();
	}

	/** The strict firewall, its header checks without regular expressions ({@link Firewall}). */
	@Bean
	static HttpFirewall httpFirewall() {
		return Firewall.strict();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Audit audit) throws Exception {
		http.securityMatcher("/api/**")
				.csrf(c -> c.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
						.anyRequest().authenticated())
				.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
				.exceptionHandling(e -> e
						.authenticationEntryPoint((req, res, ex) -> json(res, HttpServletResponse.SC_UNAUTHORIZED,
								"未登录或令牌无效 (authentication required)"))
						.accessDeniedHandler((req, res, ex) -> {
							audit.accessDenied(req.getMethod() + " " + req.getRequestURI());
							json(res, HttpServletResponse.SC_FORBIDDEN, "无权执行此操作 (forbidden for your role)");
						}))
				.httpBasic(b -> b.disable())
				.formLogin(f -> f.disable())
				// a token API has no logout URL, no saved request to resume after a login and no servlet-API
				// wrapper anyone reads: filters that ran for every intake and did nothing (issue 17)
				.logout(l -> l.disable())
				.requestCache(r -> r.disable())
				.servletApi(s -> s.disable())
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * No observation of the security filters: without a tracing backend nothing reads them, and the decorator
	 * that makes them wrapped each filter of every request (measured on intake: issue 17). The HTTP request
	 * metrics ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, Audit audit) throws Exception {
		http.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html", "/s/*")
				.permitAll()
				.anyRequest().authenticated())
				.formLogin(f -> f.loginPage("/login").permitAll().failureHandler(signInFailure()))
				.logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
				.exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
					audit.accessDenied(req.getMethod() + " " + req.getRequestURI());
					res.sendError(HttpServletResponse.SC_FORBIDDEN);
				}))
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
						.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * A sign-in that failed because the database cannot be reached is not a wrong password: the failure goes on to
	 * the outage filter, which answers 503 with the notice (SPEC §11).
	 */
	private static org.springframework.security.web.authentication.AuthenticationFailureHandler signInFailure() {
		var wrongPassword = new org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler(
				"/login?error");
		return (req, res, ex) -> {
			if (com.kcm.shared.web.DatabaseOutage.isOutage(ex)) {
				throw new jakarta.servlet.ServletException("database unreachable at sign-in", ex);
			}
			wrongPassword.onAuthenticationFailure(req, res, ex);
		};
	}

	private static void json(HttpServletResponse res, int status, String message) throws IOException {
		res.setStatus(status);
		res.setContentType("application/json;charset=UTF-8");
		res.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8));
	}
}
