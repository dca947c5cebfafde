package com.kcm.major;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The region's follow-up of a major complaint: an on-site visit or a progress note. */
@Entity
@Table(name = "major_follow_up")
class FollowUp {

	enum Kind {
		VISIT, PROGRESS
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_id", nullable = false)
	private long majorId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(name = "happened_at", nullable = false)
	private Instant happenedAt;

	@Column(nullable = false)
	private String note;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	protected FollowUp() {
	}

	FollowUp(long majorId, Kind kind, Instant happenedAt, String note, String by, Instant at) {
		this.majorId = majorId;
		this.kind = kind;
		this.happenedAt = happenedAt;
		this.note = note;
		this.recordedBy = by;
		this.recordedAt = at;
	}

	public Long getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public Instant getHappenedAt() {
		return happenedAt;
	}

	public String getNote() {
		return note;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}
}
