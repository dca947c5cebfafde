package com.kcm.identity;

/**
 * What part of the network a caller may see: everything, one region, or one dealer. Repositories take
 * it as a query predicate ({@code :dealerId is null or d.id = :dealerId}), never as a check after loading.
 */
public record Scope(Long dealerId, Long regionId) {

	public static final Scope ALL = new Scope(null, null);

	public boolean unrestricted() {
		return dealerId == null && regionId == null;
	}

	public static Scope dealer(long dealerId) {
		return new Scope(dealerId, null);
	}

	public static Scope region(long regionId) {
		return new Scope(null, regionId);
	}
}
