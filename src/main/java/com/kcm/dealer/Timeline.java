package com.kcm.dealer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a dated history (entries ordered by their effective-from date): the value on a day is that of the
 * last entry that started on or before it; before the accepted-on date there is none.
 */
final class Timeline {

	private Timeline() {
	}

	static <E, V> V valueOn(LocalDate acceptedOn, List<E> ascending, Function<E, LocalDate> from,
			Function<E, V> value, LocalDate day) {
		if (day.isBefore(acceptedOn)) {
			return null;
		}
		V v = null;
		for (E e : ascending) {
			if (from.apply(e).isAfter(day)) {
				break;
			}
			v = value.apply(e);
		}
		return v;
	}

	/** SPEC §5.3 item 6: days of the month without {@code ACTIVE} in force, days before acceptance included. */
	static int daysNotActive(LocalDate acceptedOn, List<DealerStatusEntry> ascending, YearMonth month) {
		int n = 0;
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			if (valueOn(acceptedOn, ascending, DealerStatusEntry::getEffectiveFrom, DealerStatusEntry::getStatus,
					d) != DealerStatus.ACTIVE) {
				n++;
			}
		}
		return n;
	}
}
