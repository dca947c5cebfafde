package com.kcm.customer;

/**
 * A customer was registered ({@code created}) or changed (also its class set by hand or its account manager):
 * its name, whether it is an active key account and its account manager (null when unassigned). Published in
 * the changing transaction, so a listener updates its own records in the same one.
 */
public record CustomerChanged(long customerId, String name, boolean keyAccount, Long accountManagerUserId,
		boolean created) {
}
