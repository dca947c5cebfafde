package com.kcm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

/**
 * SPEC §11: while the database cannot be reached the API answers 503 with Retry-After in the error format and
 * pages a short Chinese notice; other failures are left alone. (The drill drills/outage.sh does it for real.)
 */
class DatabaseOutageTests {

	final DatabaseOutage filter;
	final DatabaseOutage filterWhileDown;

	DatabaseOutageTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		filter = new DatabaseOutage(messages, new FixedLocaleResolver(java.util.Locale.SIMPLIFIED_CHINESE));
		filterWhileDown = new DatabaseOutage(messages, new FixedLocaleResolver(java.util.Locale.SIMPLIFIED_CHINESE),
				() -> false);
	}

	static FilterChain failing(RuntimeException e) {
		return (req, res) -> {
			throw new ServletException("Request processing failed", e);
		};
	}

	static RuntimeException noConnection() {
		return new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
	}

	@Test
	void theApiAnswers503WithRetryAfterInTheErrorFormat() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/complaints");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, failing(noConnection()));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
				.startsWith("{\"errors\":[{\"message\":\"数据库暂时无法访问");
	}

	@Test
	void aPageShowsAShortChineseNotice() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/complaints");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, failing(noConnection()));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("系统暂时不可用")
				.contains("请稍后重试");
	}

	@Test
	void otherFailuresAreNotTakenForAnOutage() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/complaints");
		assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(),
				failing(new IllegalStateException("a bug")))).isInstanceOf(ServletException.class);
		assertThat(DatabaseOutage.isOutage(new java.sql.SQLException("connection refused", "08001"))).isTrue();
		assertThat(DatabaseOutage.isOutage(new java.sql.SQLException("duplicate key", "23505"))).isFalse();
	}

	@Test
	void aFailureThatDoesNotNameTheConnectionIsAnOutageWhenTheDatabaseCannotBeReachedRightAfter() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/complaints");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filterWhileDown.doFilter(request, response, failing(new IllegalStateException("statement failed")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
	}
}
