package com.kcm.shared.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import com.kcm.shared.domain.Violation;

/** Renders violations as sentences in the user's language: "第 3 行 · VIN：VIN 必须为 17 位…". */
public final class Messages {

	private Messages() {
	}

	public static List<String> render(MessageSource messages, List<Violation> violations) {
		var locale = LocaleContextHolder.getLocale();
		return violations.stream().map(v -> {
			StringBuilder sb = new StringBuilder();
			if (v.index() != null) {
				sb.append(messages.getMessage("error.row", new Object[] { v.index() }, "#" + v.index(), locale)).append(" · ");
			}
			if (v.field() != null) {
				sb.append(messages.getMessage("field." + v.field(), null, v.field(), locale)).append("：");
			}
			sb.append(messages.getMessage(v.code(), v.args(), v.code(), locale));
			return sb.toString();
		}).toList();
	}
}
