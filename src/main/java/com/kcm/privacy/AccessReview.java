package com.kcm.privacy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The sign-off of one month's access log: who reviewed it, when, the findings and the counts seen. Never changed. */
@Entity
@Immutable
@Table(name = "access_review")
class AccessReview {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "period_start", nullable = false)
	private LocalDate periodStart;

	@Column(name = "period_end", nullable = false)
	private LocalDate periodEnd;

	@Column(name = "reviewed_by", nullable = false)
	private String reviewedBy;

	@Column(name = "reviewed_at", nullable = false)
	private Instant reviewedAt;

	@Column(nullable = false)
	private String findings;

	@Column(name = "entry_counts", nullable = false)
	private String entryCounts;

	protected AccessReview() {
	}

	AccessReview(LocalDate periodStart, LocalDate periodEnd, String reviewedBy, Instant reviewedAt, String findings,
			String entryCounts) {
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
		this.findings = findings;
		this.entryCounts = entryCounts;
	}

	Long getId() { return id; }
	LocalDate getPeriodStart() { return periodStart; }
	LocalDate getPeriodEnd() { return periodEnd; }
	String getReviewedBy() { return reviewedBy; }
	Instant getReviewedAt() { return reviewedAt; }
	String getFindings() { return findings; }
	String getEntryCounts() { return entryCounts; }
}
