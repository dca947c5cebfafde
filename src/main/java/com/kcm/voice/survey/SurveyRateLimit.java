package com.kcm.voice.survey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A per-address limit on the public answer page: at most {@code kcm.survey.rate-limit} requests (default 30) per
 * minute window from one client address, so tokens cannot be tried in bulk (with 256-bit tokens guessing is hopeless
 * anyway). Kept in memory per instance: with several instances the limit applies per instance. At most
 * {@value #MAX_ADDRESSES} addresses are tracked; the table is cleared when a new minute starts.
 */
@Component
class SurveyRateLimit {

	static final int MAX_ADDRESSES = 100_000;

	private final int perMinute;
	private final Map<String, int[]> counts = new ConcurrentHashMap<>();
	private volatile long minute = -1;

	SurveyRateLimit(@Value("${kcm.survey.rate-limit:30}") int perMinute) {
		this.perMinute = perMinute;
	}

	boolean allow(String address) {
		long now = System.currentTimeMillis() / 60_000;
		if (now != minute || counts.size() > MAX_ADDRESSES) {
			synchronized (this) {
				if (now != minute || counts.size() > MAX_ADDRESSES) {
					counts.clear();
					minute = now;
				}
			}
		}
		int[] c = counts.computeIfAbsent(address == null ? "?" : address, a -> new int[1]);
		synchronized (c) {
			return ++c[0] <= perMinute;
		}
	}
}
