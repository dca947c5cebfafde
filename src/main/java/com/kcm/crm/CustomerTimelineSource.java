package com.kcm.crm;

import java.util.List;
import java.util.Set;

/**
 * A module's contribution to the customer 360° timeline: a bean implementing this is merged in by
 * {@link Customer360}. Answers the customer's newest entries (at most {@code limit}, newest first) as the
 * caller may see them, in one or two queries. The quality module adds its repair orders this way.
 */
public interface CustomerTimelineSource {

	/** The entry types this source gives (for the filter). */
	Set<String> types();

	List<TimelineEntry> entries(long customerId, int limit);

	/** How a source reads a customer's newest entries. */
	@FunctionalInterface
	interface Entries {
		List<TimelineEntry> of(long customerId, int limit);
	}

	/** A source of these entry types that reads its entries so. */
	static CustomerTimelineSource of(Set<String> types, Entries entries) {
		return new CustomerTimelineSource() {
			@Override
			public Set<String> types() {
				return types;
			}

			@Override
			public List<TimelineEntry> entries(long customerId, int limit) {
				return entries.of(customerId, limit);
			}
		};
	}
}
