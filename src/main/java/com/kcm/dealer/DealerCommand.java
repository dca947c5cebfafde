package com.kcm.dealer;

/**
 * What an administrator, the API ({@code POST /api/v1/dealers}) or an import row says about a dealer. Values
 * are text so every bad one can be named in the answer. {@code status} and {@code starLevel} are used on
 * creation only (they hold from {@code acceptedOn}); later changes go through the dated history.
 */
public record DealerCommand(String code, String name, String type, String regionCode, String status,
		String acceptedOn, Integer starLevel, String contactPhone, String contactEmail) {
}
