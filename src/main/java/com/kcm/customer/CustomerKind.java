package com.kcm.customer;

/** A private person or an organisation (company, fleet, authority). */
public enum CustomerKind {
	INDIVIDUAL, ORGANIZATION
}
