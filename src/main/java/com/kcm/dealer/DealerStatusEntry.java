package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a dealer's dated status history: {@code status} holds from {@code effectiveFrom} until the next line. */
@Entity
@Table(name = "dealer_status_history")
class DealerStatusEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dealer_id", nullable = false)
	private Long dealerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DealerStatus status;

	@Column(name = "effective_from", nullable = false)
	private LocalDate effectiveFrom;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	private String reason;

	protected DealerStatusEntry() {
	}

	DealerStatusEntry(Long dealerId, DealerStatus status, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
			String reason) {
		this.dealerId = dealerId;
		this.status = status;
		this.effectiveFrom = effectiveFrom;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.reason = reason;
	}

	/** Another decision for the same day replaces this one (the audit trail keeps the earlier one). */
	void replace(DealerStatus status, Instant recordedAt, String recordedBy, String reason) {
		this.status = status;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.reason = reason;
	}

	void moveTo(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}

	DatedStatus view() {
		return new DatedStatus(effectiveFrom, status, reason, recordedAt, recordedBy);
	}

	Long getDealerId() {
		return dealerId;
	}

	DealerStatus getStatus() {
		return status;
	}

	LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}
}
