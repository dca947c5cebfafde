package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a dealer's dated star-level history: {@code starLevel} holds from {@code effectiveFrom} until the next line. */
@Entity
@Table(name = "dealer_star_history")
class DealerStarEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dealer_id", nullable = false)
	private Long dealerId;

	@Column(name = "star_level", nullable = false)
	private int starLevel;

	@Column(name = "effective_from", nullable = false)
	private LocalDate effectiveFrom;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	private String reason;

	protected DealerStarEntry() {
	}

	DealerStarEntry(Long dealerId, int starLevel, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
			String reason) {
		this.dealerId = dealerId;
		this.starLevel = starLevel;
		this.effectiveFrom = effectiveFrom;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.reason = reason;
	}

	/** Another decision for the same day replaces this one (the audit trail keeps the earlier one). */
	void replace(int starLevel, Instant recordedAt, String recordedBy, String reason) {
		this.starLevel = starLevel;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.reason = reason;
	}

	void moveTo(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}

	DatedStar view() {
		return new DatedStar(effectiveFrom, starLevel, reason, recordedAt, recordedBy);
	}

	Long getDealerId() {
		return dealerId;
	}

	int getStarLevel() {
		return starLevel;
	}

	LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}
}
