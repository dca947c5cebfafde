package com.kcm.complaint.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;

/**
 * Instants as the screens show them: local business time ({@code 2026-11-02 10:00}, Asia/Shanghai) and the
 * time left to a deadline, rendered on the server ("还剩 5小时12分", "已超期 2小时").
 */
@Component("complaintTimeText")
public class TimeText {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final MessageSource messages;
	private final Clock clock;

	TimeText(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String at(Instant t) {
		return t == null ? "—" : AT.format(t.atZone(TimeConfig.BUSINESS_ZONE));
	}

	/** The value of a {@code datetime-local} input for this instant. */
	public String input(Instant t) {
		return t == null ? "" : INPUT.format(t.atZone(TimeConfig.BUSINESS_ZONE));
	}

	public String now() {
		return input(clock.instant());
	}

	public boolean overdue(Instant due) {
		return due != null && clock.instant().isAfter(due);
	}

	/** "还剩 1天3小时", "还剩 5小时12分", "已超期 2小时"; empty when there is no deadline. */
	public String countdown(Instant due) {
		if (due == null) {
			return "";
		}
		Duration d = Duration.between(clock.instant(), due);
		boolean over = d.isNegative();
		return text(over ? "cweb.over" : "cweb.left", span(d.abs()));
	}

	private String span(Duration d) {
		long days = d.toDays();
		long hours = d.toHoursPart();
		long minutes = d.toMinutesPart();
		StringBuilder sb = new StringBuilder();
		if (days > 0) {
			sb.append(text("cweb.dur.d", days));
			if (hours > 0) {
				sb.append(text("cweb.dur.h", hours));
			}
			return sb.toString();
		}
		if (hours > 0) {
			sb.append(text("cweb.dur.h", hours));
		}
		if (minutes > 0 || hours == 0) {
			sb.append(text("cweb.dur.m", minutes));
		}
		return sb.toString();
	}

	/** Parses a {@code datetime-local} value in business time; blank is {@code null}. */
	static Instant parse(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.trim()).atZone(TimeConfig.BUSINESS_ZONE).toInstant();
		} catch (DateTimeParseException e) {
			throw ValidationException.of(field, "cweb.time.invalid");
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
