package com.kcm.customer;

/**
 * The class rule (SPEC §7.2) in force today, for a customer just registered: what the crm module would compute
 * for it, asked in-process so that intake stores the class with the new customer instead of reclassifying it
 * with further statements (issue 17). The crm module provides it; without it the class is left to be computed.
 */
public interface NewCustomerClasses {

	/** The class the rule in force today gives a customer with this key-account flag owning this many vehicles. */
	CustomerClass classOf(boolean keyAccount, long vehicles);
}
