package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One nominated complaint on a {@link ForcedClosureList}, with the reason and, once approved, the outcome. */
@Entity
@Table(name = "forced_closure_item")
class ForcedClosureItem {

	enum Outcome {
		FORCE_CLOSED, SKIPPED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "list_id")
	private ForcedClosureList list;

	@Column(name = "complaint_id", nullable = false)
	private long complaintId;

	@Column(nullable = false)
	private String reason;

	@Column(name = "nominated_by", nullable = false)
	private String nominatedBy;

	@Column(name = "nominated_at", nullable = false)
	private Instant nominatedAt;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	/** Why it was skipped: the complaint's status at approval, or the refusal's message key. */
	@Column(name = "outcome_detail")
	private String outcomeDetail;

	protected ForcedClosureItem() {
	}

	ForcedClosureItem(ForcedClosureList list, long complaintId, String reason, String nominatedBy, Instant nominatedAt) {
		this.list = list;
		this.complaintId = complaintId;
		this.reason = reason;
		this.nominatedBy = nominatedBy;
		this.nominatedAt = nominatedAt;
	}

	void closed() {
		outcome = Outcome.FORCE_CLOSED;
		outcomeDetail = null;
	}

	void skipped(String detail) {
		outcome = Outcome.SKIPPED;
		outcomeDetail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
	}

	long getComplaintId() {
		return complaintId;
	}

	String getReason() {
		return reason;
	}

	String getNominatedBy() {
		return nominatedBy;
	}

	Instant getNominatedAt() {
		return nominatedAt;
	}

	Outcome getOutcome() {
		return outcome;
	}

	String getOutcomeDetail() {
		return outcomeDetail;
	}
}
