package com.kcm.shared.web;

/** A figure on a user's home page ("客户 200 →"), already scoped to the user. */
public record HomeTile(int order, String labelKey, String value, String link, String style) {
}
