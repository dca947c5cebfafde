package com.kcm.dealer;

/** {@code POST /api/v1/dealers/{code}/star}: a star level (0–5) in force from {@code effectiveFrom}. */
public record StarChange(Integer starLevel, String effectiveFrom, String reason) {
}
