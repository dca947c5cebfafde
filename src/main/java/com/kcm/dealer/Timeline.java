package com.kcm.dealer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Reads a dated history (entries ordered by their effective-from date): the value on a day is that of the
 * last entry that started on or before it; before the accepted-on date there is none.
 */
final class Timeline {

	private Timeline() {
	}

	static <V> V valueOn(LocalDate acceptedOn, List<? extends DatedEntry<V>> ascending, LocalDate day) {
		if (day.isBefore(acceptedOn)) {
			return null;
		}
		V v = null;
		for (DatedEntry<V> e : ascending) {
			if (e.getEffectiveFrom().isAfter(day)) {
				break;
			}
			v = e.value();
		}
		return v;
	}

	/** SPEC §5.3 item 6: days of the month without {@code ACTIVE} in force, days before acceptance included. */
	static int daysNotActive(LocalDate acceptedOn, List<DealerStatusEntry> ascending, YearMonth month) {
		int n = 0;
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			if (valueOn(acceptedOn, ascending, d) != DealerStatus.ACTIVE) {
				n++;
			}
		}
		return n;
	}
}
