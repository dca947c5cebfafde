package com.kcm.customer;

/**
 * What the class rule (SPEC §7.2) looks at for one customer: the key-account flag and the vehicles it owns;
 * with the stored computed class and the class set by hand (either may be null).
 */
public record ClassFacts(long customerId, boolean keyAccount, long vehicles, CustomerClass computedClass,
		CustomerClass manualClass) {
}
