package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An {@code Idempotency-Key} seen at intake, with the hash of its body and the complaint it created. */
@Entity
@Table(name = "intake_key")
class IntakeKey implements org.springframework.data.domain.Persistable<String> {

	/** A key is written once and never updated: saving a new one inserts without reading first. */
	@jakarta.persistence.Transient
	private boolean isNew;

	@Id
	@Column(name = "idem_key")
	private String key;

	@Column(name = "body_hash", nullable = false)
	private String bodyHash;

	@Column(name = "complaint_id", nullable = false)
	private Long complaintId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected IntakeKey() {
	}

	IntakeKey(String key, String bodyHash, Long complaintId, Instant createdAt) {
		this.key = key;
		this.bodyHash = bodyHash;
		this.complaintId = complaintId;
		this.createdAt = createdAt;
		this.isNew = true;
	}

	@Override
	public String getId() {
		return key;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	String bodyHash() {
		return bodyHash;
	}

	Long complaintId() {
		return complaintId;
	}
}
