package com.kcm.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.kcm.shared.TimeConfig;

/**
 * The texts of the messages: patterns in {@code i18n/notification.properties} (Chinese), instants in
 * business time (Asia/Shanghai), links under {@code kcm.public-url} ({@code KCM_PUBLIC_URL}).
 */
@Component
class NotificationTexts {

	static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(TimeConfig.BUSINESS_ZONE);

	private final MessageSource messages;
	private final String publicUrl;

	NotificationTexts(MessageSource messages, @Value("${kcm.public-url:http://localhost:8080}") String publicUrl) {
		this.messages = messages;
		String u = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.trim();
		this.publicUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, LOCALE);
	}

	/** A label of an enum constant: {@code notification.<group>.<NAME>}, the name itself when none. */
	String label(String group, Enum<?> value) {
		if (value == null) {
			return "—";
		}
		return messages.getMessage("notification." + group + "." + value.name(), null, value.name(), LOCALE);
	}

	static String time(Instant t) {
		return t == null ? "—" : TIME.format(t);
	}

	String complaintLink(long complaintId) {
		return publicUrl + "/complaints/" + complaintId;
	}

	String link(String path) {
		return publicUrl + path;
	}
}
