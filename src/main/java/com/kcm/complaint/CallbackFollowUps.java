package com.kcm.complaint;

import java.time.Instant;
import java.util.List;

/**
 * Other modules' entries in customer service's callback queue (the {@code /callbacks} page) that are not complaints
 * waiting for their closure callback — e.g. the voice module's low-score follow-ups of satisfaction surveys (SPEC
 * §7.4). A module contributes a bean; the queue shows the open ones beside the complaints, each linking to the
 * contributing module's page where it is worked and closed. The complaint module stores nothing of them.
 */
public interface CallbackFollowUps {

	/** One open follow-up: what, for whom (name only), why, since when and where to work it. */
	record FollowUp(String kind, long id, String customerName, String dealerLabel, String reason, Instant since,
			String link) {
	}

	/** The open follow-ups the caller may see, oldest first, at most {@code limit}. */
	List<FollowUp> open(int limit);

	/** How many are open for the caller. */
	long countOpen();
}
