package com.kcm.customer;

/** Filters of the customer list and its export; {@code null} means "any". */
public record CustomerFilter(CustomerClass customerClass, CustomerKind kind, Boolean keyAccount, boolean duplicates) {

	public static final CustomerFilter NONE = new CustomerFilter(null, null, null, false);
}
