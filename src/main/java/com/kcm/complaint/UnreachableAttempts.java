package com.kcm.complaint;

import java.time.LocalDate;
import java.util.List;

/** Unreachable callbacks of one closure round, and on how many different local dates (SPEC §4.4 closing unreachable). */
public record UnreachableAttempts(int attempts, int distinctDays) {

	static UnreachableAttempts of(List<Callback> callbacks, int closureRound) {
		List<LocalDate> days = callbacks.stream().filter(c -> c.getClosureRound() == closureRound && !c.isReached())
				.map(c -> LocalDate.ofInstant(c.getAt(), Complaint.ZONE)).toList();
		return new UnreachableAttempts(days.size(), (int) days.stream().distinct().count());
	}
}
