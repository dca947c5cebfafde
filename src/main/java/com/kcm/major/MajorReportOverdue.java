package com.kcm.major;

import java.time.Instant;

/** The dealer's written report of a major complaint is past its deadline and not submitted. */
public record MajorReportOverdue(long majorId, long complaintId, long dealerId, String customerName, Instant dueAt) {
}
