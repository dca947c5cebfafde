package com.kcm.quality;

import java.time.LocalDate;

/** A corrective action passed its due date unfinished; published once per action (its owner is told). */
public record CapaOverdue(long capaId, String title, long ownerUserId, LocalDate dueDate) {
}
