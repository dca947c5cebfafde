package com.kcm.calendar;

import java.util.Set;

/**
 * Days of these years were changed, or their publication: deadlines over them may differ now (a
 * provisional one may have become final). Published after the change commits for listeners that care.
 */
public record CalendarChanged(Set<Integer> years) {

	public CalendarChanged {
		years = Set.copyOf(years);
	}
}
