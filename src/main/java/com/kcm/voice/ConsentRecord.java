package com.kcm.voice;

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
 * One line of a customer's consent history: a purpose given or withdrawn, effective at an instant, by a
 * channel, recorded by someone. Never changed or deleted; the newest line at or before an instant decides.
 */
@Entity
@Table(name = "consent_record")
class ConsentRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "customer_id", nullable = false)
	private Long customerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ConsentPurpose purpose;

	@Column(nullable = false)
	private boolean given;

	@Column(name = "effective_at", nullable = false)
	private Instant effectiveAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ConsentChannel channel;

	private String note;

	@Column(name = "recorded_by_user_id")
	private Long recordedByUserId;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	protected ConsentRecord() {
	}

	ConsentRecord(long customerId, ConsentPurpose purpose, boolean given, Instant effectiveAt, ConsentChannel channel,
			String note, Long recordedByUserId, String recordedBy, Instant recordedAt) {
		this.customerId = customerId;
		this.purpose = purpose;
		this.given = given;
		this.effectiveAt = effectiveAt;
		this.channel = channel;
		this.note = note;
		this.recordedByUserId = recordedByUserId;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	ConsentView view() {
		return new ConsentView(id, customerId, purpose, given, effectiveAt, channel, note, recordedBy, recordedAt);
	}

	Long getId() { return id; }
}
