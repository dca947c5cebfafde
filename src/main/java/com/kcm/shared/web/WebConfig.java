package com.kcm.shared.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Chinese first; {@code ?lang=en} switches to English and remembers it in a cookie.
 *
 * Boot registers a resource-URL encoding filter because the WebJars locator is present. It would rewrite
 * every link a page builds, and for each link that is not a static file it searches the class path in vain,
 * uncached: most of a page's CPU time. The pages link WebJars without versions, which the resource handler
 * resolves when the file is requested, so the rewriting buys nothing and is switched off.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("KCM_LANG");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterRegistration(
			org.springframework.beans.factory.ObjectProvider<ResourceUrlEncodingFilter> filter) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				filter.getIfAvailable(ResourceUrlEncodingFilter::new));
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * {@code kcm.http.max-active-requests}: {@code auto} (four per processor), a number, or {@code off}.
	 * Ordered before Spring Security, so authentication is part of a request's turn.
	 */
	@Bean
	FilterRegistrationBean<ActiveRequestLimit> activeRequestLimit(
			@Value("${kcm.http.max-active-requests:auto}") String maxActive,
			@Value("${kcm.http.max-queue-wait:2s}") Duration maxWait) {
		String value = maxActive.trim().toLowerCase(Locale.ROOT);
		boolean off = value.equals("off");
		int max = off || value.equals("auto") || value.isEmpty() ? 4 * Runtime.getRuntime().availableProcessors()
				: wholeNumber(value);
		if (max < 1) {
			throw new IllegalArgumentException(
					"kcm.http.max-active-requests must be auto, off or a whole number of at least 1, not " + maxActive);
		}
		FilterRegistrationBean<ActiveRequestLimit> registration = new FilterRegistrationBean<>(
				new ActiveRequestLimit(max, maxWait));
		registration.setOrder(-150); // Spring Security's chain is at -100
		registration.setEnabled(!off);
		return registration;
	}

	/** Malformed request bodies are refused before anything reads them (SPEC §11; after the request limit). */
	@Bean
	FilterRegistrationBean<RequestBodyChecks> requestBodyChecks(org.springframework.context.MessageSource messages,
			LocaleResolver localeResolver) {
		FilterRegistrationBean<RequestBodyChecks> registration = new FilterRegistrationBean<>(
				new RequestBodyChecks(messages, localeResolver));
		registration.setOrder(-140);
		return registration;
	}

	/** SPEC §11: the database cannot be reached → 503 with Retry-After; outermost, around the session store. */
	@Bean
	FilterRegistrationBean<DatabaseOutage> databaseOutage(org.springframework.context.MessageSource messages,
			LocaleResolver localeResolver, javax.sql.DataSource dataSource) {
		FilterRegistrationBean<DatabaseOutage> registration = new FilterRegistrationBean<>(
				new DatabaseOutage(messages, localeResolver, () -> {
					try (java.sql.Connection c = dataSource.getConnection()) {
						return c.isValid(1);
					} catch (java.sql.SQLException | RuntimeException unreachable) {
						return false;
					}
				}));
		registration.setOrder(Integer.MIN_VALUE + 10); // before Spring Session's filter (MIN_VALUE + 50)
		return registration;
	}

	private static int wholeNumber(String value) {
		try {
			return Integer.parseInt(value);
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new ControlCharacters());
	}
}
