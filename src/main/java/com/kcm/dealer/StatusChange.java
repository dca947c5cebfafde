package com.kcm.dealer;

/** {@code POST /api/v1/dealers/{code}/status}: a status in force from {@code effectiveFrom} (YYYY-MM-DD). */
public record StatusChange(String status, String effectiveFrom, String reason) {
}
