package com.kcm.customer;

/** Customer class of SPEC §7; each has its own service standard (visit and callback frequency). */
public enum CustomerClass {
	A, B, C
}
