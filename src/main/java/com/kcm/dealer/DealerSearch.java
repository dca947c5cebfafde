package com.kcm.dealer;

/** Filters of the dealer list; any may be blank. {@code q} matches code or name. */
public record DealerSearch(String regionCode, String type, String status, String q) {

	public static final DealerSearch ALL = new DealerSearch(null, null, null, null);
}
