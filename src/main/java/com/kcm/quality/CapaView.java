package com.kcm.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A corrective and preventive action (纠正预防措施, SPEC §7.7) with its linked complaints and history;
 * {@code overdue} when not done by its due date (as of the moment it was read).
 */
record CapaView(long id, String title, String problem, long ownerUserId, String ownerName, LocalDate dueDate,
		String rootCause, String correctiveAction, String preventiveAction, String status, String evidence,
		String verifiedBy, Instant verifiedAt, List<Long> complaintIds, boolean overdue, List<Event> history) {

	/** One step of the life cycle: who did what, from which state, with what note. */
	public record Event(String action, String fromStatus, String toStatus, String note, String actor, Instant at) {
	}
}
