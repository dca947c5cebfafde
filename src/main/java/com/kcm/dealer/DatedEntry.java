package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * One line of a dealer's dated history of a value {@code V} (its status, its star level): the value holds
 * from {@code effectiveFrom} until the next line. A subclass maps the value's own column.
 */
@MappedSuperclass
abstract class DatedEntry<V> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dealer_id", nullable = false)
	private Long dealerId;

	@Column(name = "effective_from", nullable = false)
	private LocalDate effectiveFrom;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	private String reason;

	protected DatedEntry() {
	}

	DatedEntry(Long dealerId, V value, LocalDate effectiveFrom, Instant recordedAt, String recordedBy, String reason) {
		this.dealerId = dealerId;
		this.effectiveFrom = effectiveFrom;
		setValue(value);
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.reason = reason;
	}

	/** The value this line sets. */
	abstract V value();

	abstract void setValue(V value);

	/** Another decision for the same day replaces this one (the audit trail keeps the earlier one). */
	void replace(V value, Instant recordedAt, String recordedBy, String reason) {
		setValue(value);
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.reason = reason;
	}

	void moveTo(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}

	Long getDealerId() {
		return dealerId;
	}

	LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}

	Instant getRecordedAt() {
		return recordedAt;
	}

	String getRecordedBy() {
		return recordedBy;
	}

	String getReason() {
		return reason;
	}
}
