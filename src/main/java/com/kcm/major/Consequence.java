package com.kcm.major;

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

/**
 * What a major complaint brought upon the dealer, with a link to the record in the owning module: a penalty
 * or media incident (assessment), a star change or termination (dealer history).
 */
@Entity
@Table(name = "major_consequence")
class Consequence {

	enum Kind {
		PENALTY, MEDIA_INCIDENT, STAR_DOWNGRADE, STAR_REMOVAL, TERMINATION
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_id", nullable = false)
	private long majorId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(name = "ref_id")
	private Long refId;

	private BigDecimal amount;

	@Column(nullable = false)
	private String detail;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	protected Consequence() {
	}

	Consequence(long majorId, Kind kind, Long refId, BigDecimal amount, String detail, String by, Instant at) {
		this.majorId = majorId;
		this.kind = kind;
		this.refId = refId;
		this.amount = amount;
		this.detail = detail;
		this.recordedBy = by;
		this.recordedAt = at;
	}

	public Long getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public Long getRefId() {
		return refId;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getDetail() {
		return detail;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}
}
