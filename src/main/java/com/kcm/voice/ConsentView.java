package com.kcm.voice;

import java.time.Instant;

/** One recorded consent change: {@code given} true for given, false for withdrawn, effective {@code at}. */
public record ConsentView(long id, long customerId, ConsentPurpose purpose, boolean given, Instant at,
		ConsentChannel channel, String note, String recordedBy, Instant recordedAt) {
}
