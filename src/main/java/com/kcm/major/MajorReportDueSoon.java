package com.kcm.major;

import java.time.Instant;

/** The dealer's written report of a major complaint is due within the warning period and not submitted yet. */
public record MajorReportDueSoon(long majorId, long complaintId, long dealerId, String customerName, Instant dueAt) {
}
