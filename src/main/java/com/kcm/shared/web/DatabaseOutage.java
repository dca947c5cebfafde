package com.kcm.shared.web;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * SPEC §11, database outage: a request that fails because the database cannot be reached (the pool gave no
 * connection within its short timeout, the server closed the connection, it is starting up) answers
 * {@code 503} with {@code Retry-After} — on the API in the error format, on pages as a short Chinese notice —
 * instead of an error page with 500. Nothing is acknowledged that was not committed; when the database is back
 * the pool connects again by itself. Outermost filter, so failures of the session store and of the token lookup
 * are caught too. A failure that does not name the connection (a driver or framework wrapping it in some other
 * exception at the instant the server goes away) is taken for an outage when the database cannot be reached
 * right after it: the client retries (with its {@code Idempotency-Key}) instead of seeing a 500.
 */
public class DatabaseOutage extends OncePerRequestFilter {

	/** Seconds a client is asked to wait before it tries again. */
	static final int RETRY_AFTER_SECONDS = 10;
	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final BooleanSupplier databaseReachable;

	DatabaseOutage(MessageSource messages, LocaleResolver locales) {
		this(messages, locales, () -> true);
	}

	DatabaseOutage(MessageSource messages, LocaleResolver locales, BooleanSupplier databaseReachable) {
		this.messages = messages;
		this.locales = locales;
		this.databaseReachable = databaseReachable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		} catch (ServletException | IOException | RuntimeException e) {
			if (response.isCommitted() || !(isOutage(e) || !databaseReachable.getAsBoolean())) {
				throw e;
			}
			log.warn("database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
					rootCause(e).toString());
			answer(request, response);
		}
	}

	/** Whether the failure (or one of its causes) says the database could not be reached. */
	public static boolean isOutage(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof ConnectException
					|| t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true; // connection exception; admin shutdown, crash shutdown, cannot connect now
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t;
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String text = messages.getMessage("error.database.unavailable", null, "数据库暂时不可用，请稍后重试。", locale);
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader("Cache-Control", "no-store");
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api) {
			response.setContentType("application/json;charset=UTF-8");
			response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + text.replace("\"", "'") + "\"}]}")
					.getBytes(StandardCharsets.UTF_8));
		} else {
			String title = messages.getMessage("error.database.title", null, "系统暂时不可用", locale);
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag()
					+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
					+ "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font-family:sans-serif;"
					+ "margin:3em\"><h1 id=\"outage\">" + HtmlUtils.htmlEscape(title) + "</h1><p>"
					+ HtmlUtils.htmlEscape(text) + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
		}
	}
}
