package com.kcm.crm;

import java.math.BigDecimal;
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

/** A goodwill concession (让步服务) on a complaint: proposed, then approved or rejected once by after-sales. */
@Entity
@Table(name = "goodwill")
class Goodwill {

	enum Status { PROPOSED, APPROVED, REJECTED }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "complaint_id", nullable = false)
	private Long complaintId;

	@Column(name = "dealer_id", nullable = false)
	private Long dealerId;

	@Column(nullable = false)
	private String what;

	@Column(nullable = false)
	private BigDecimal amount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "period_month", nullable = false)
	private String month;

	@Column(name = "proposed_by", nullable = false)
	private String proposedBy;

	@Column(name = "proposed_at", nullable = false)
	private Instant proposedAt;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Version
	private long version;

	protected Goodwill() {
	}

	Goodwill(long complaintId, long dealerId, String what, BigDecimal amount, String month, String by, Instant at) {
		this.complaintId = complaintId;
		this.dealerId = dealerId;
		this.what = what;
		this.amount = amount;
		this.month = month;
		this.status = Status.PROPOSED;
		this.proposedBy = by;
		this.proposedAt = at;
	}

	void decide(boolean approve, String by, Instant at) {
		if (status != Status.PROPOSED) {
			throw new DomainException("crm.goodwill.decided", status);
		}
		status = approve ? Status.APPROVED : Status.REJECTED;
		decidedBy = by;
		decidedAt = at;
	}

	public Long getId() { return id; }
	public Long getComplaintId() { return complaintId; }
	public Long getDealerId() { return dealerId; }
	public String getWhat() { return what; }
	public BigDecimal getAmount() { return amount; }
	public Status getStatus() { return status; }
	public String getMonth() { return month; }
	public String getProposedBy() { return proposedBy; }
	public Instant getProposedAt() { return proposedAt; }
	public String getDecidedBy() { return decidedBy; }
	public Instant getDecidedAt() { return decidedAt; }
}
