package com.kcm.complaint;

/** Who made a move: a user name for the timeline, and whether it was entered on a dealer's behalf. */
record Actor(String username) {

	public static final Actor SYSTEM = new Actor("system");

	public Actor {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("actor required");
		}
	}
}
