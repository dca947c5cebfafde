package com.kcm.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.kcm.audit.Audit;
import com.kcm.shared.crypto.Sha256;

/**
 * The inbound SMS endpoint's own security chain (before the API chain): no user token, but the gateway's
 * shared secret in the {@value #HEADER} header, compared in constant time with the configured one. A wrong,
 * missing or unconfigured secret answers 401 and is audited; a right one runs the request as
 * {@code sms-gateway:<name>} with role {@code SMS_GATEWAY} (the actor of the audit entries it causes).
 */
@Configuration(proxyBeanMethods = false)
class InboundSmsSecurity {

	static final String HEADER = "X-Gateway-Secret";
	static final String ROLE = "SMS_GATEWAY";
	private static final Pattern PATH = Pattern.compile("^/api/v1/sms/inbound/([a-z0-9][a-z0-9-]{0,39})/?$");

	@Bean
	@Order(0)
	SecurityFilterChain inboundSmsChain(HttpSecurity http, InboundSmsProperties properties, Audit audit) throws Exception {
		http.securityMatcher("/api/v1/sms/inbound/**")
				.csrf(c -> c.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(a -> a.anyRequest().hasRole(ROLE))
				.addFilterBefore(new SecretFilter(properties, audit), UsernamePasswordAuthenticationFilter.class)
				.httpBasic(b -> b.disable())
				.formLogin(f -> f.disable())
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/** Checks the secret of the gateway named in the path; refuses with 401 (audited) unless it matches. */
	static final class SecretFilter extends OncePerRequestFilter {

		private final InboundSmsProperties properties;
		private final Audit audit;

		SecretFilter(InboundSmsProperties properties, Audit audit) {
			this.properties = properties;
			this.audit = audit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher m = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
			String gateway = m.matches() ? m.group(1) : null;
			String expected = gateway == null ? null : properties.secrets().get(gateway);
			if (!matches(expected, request.getHeader(HEADER))) {
				audit.accessDenied("inbound SMS " + (gateway == null ? "(unknown path)" : "gateway " + gateway)
						+ ": wrong or missing secret");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setContentType("application/json;charset=UTF-8");
				response.getOutputStream().write("{\"errors\":[{\"message\":\"网关密钥无效 (gateway secret wrong or missing)\"}]}"
						.getBytes(StandardCharsets.UTF_8));
				return;
			}
			var previous = SecurityContextHolder.getContext();
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sms-gateway:" + gateway, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			} finally {
				SecurityContextHolder.setContext(previous);
			}
		}

		/** Constant time whatever the lengths: the digests are compared, not the secrets. */
		static boolean matches(String expected, String given) {
			if (expected == null || expected.isBlank() || given == null) {
				return false;
			}
			return MessageDigest.isEqual(Sha256.of(expected), Sha256.of(given));
		}
	}
}
