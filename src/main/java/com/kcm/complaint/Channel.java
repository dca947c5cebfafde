package com.kcm.complaint;

/** Where the case came in: the 400 hotline, an online post, or another direct channel (letter, walk-in). */
public enum Channel {
	HOTLINE_400, ONLINE, OTHER
}
