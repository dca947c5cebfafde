package com.kcm.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kcm.shared.domain.DomainException;

/**
 * A personal-data export above the row threshold: {@code PENDING} until another user approves
 * ({@code APPROVED}) or rejects it ({@code REJECTED}); the requester downloads an approved export once
 * ({@code DOWNLOADED}) within the release period, after which it is {@code EXPIRED}.
 */
@Entity
@Table(name = "export_request")
class ExportRequest {

	enum Status {
		PENDING, APPROVED, REJECTED, DOWNLOADED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String kind;

	@Column(nullable = false)
	private String parameters;

	@Column(name = "row_count", nullable = false)
	private long rowCount;

	@Column(name = "requested_by", nullable = false)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false)
	private Instant requestedAt;

	@Column(nullable = false)
	private String reason;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_note")
	private String decisionNote;

	@Column(name = "downloaded_at")
	private Instant downloadedAt;

	@Version
	private long version;

	protected ExportRequest() {
	}

	ExportRequest(String kind, String parameters, long rowCount, String requestedBy, String reason, Instant now) {
		this.kind = kind;
		this.parameters = parameters;
		this.rowCount = rowCount;
		this.requestedBy = requestedBy;
		this.reason = reason;
		this.requestedAt = now;
		this.status = Status.PENDING;
	}

	void decide(boolean approve, String approver, String note, Instant now) {
		if (status != Status.PENDING) {
			throw new DomainException("privacy.export.notPending");
		}
		if (approver.equals(requestedBy)) {
			throw new DomainException("privacy.export.ownRequest");
		}
		this.status = approve ? Status.APPROVED : Status.REJECTED;
		this.decidedBy = approver;
		this.decidedAt = now;
		this.decisionNote = note;
	}

	/** Whether the requester may still download it at {@code now}. */
	boolean releasable(Instant now, java.time.Duration period) {
		return status == Status.APPROVED && decidedAt.plus(period).isAfter(now);
	}

	void downloaded(Instant now) {
		this.status = Status.DOWNLOADED;
		this.downloadedAt = now;
	}

	Long getId() { return id; }
	String getKind() { return kind; }
	String getParameters() { return parameters; }
	long getRowCount() { return rowCount; }
	String getRequestedBy() { return requestedBy; }
	Instant getRequestedAt() { return requestedAt; }
	String getReason() { return reason; }
	Status getStatus() { return status; }
	String getDecidedBy() { return decidedBy; }
	Instant getDecidedAt() { return decidedAt; }
	String getDecisionNote() { return decisionNote; }
	Instant getDownloadedAt() { return downloadedAt; }
}
