package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One line of a dealer's dated status history. */
@Entity
@Table(name = "dealer_status_history")
class DealerStatusEntry extends DatedEntry<DealerStatus> {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DealerStatus status;

	protected DealerStatusEntry() {
	}

	DealerStatusEntry(Long dealerId, DealerStatus status, LocalDate effectiveFrom, Instant recordedAt,
			String recordedBy, String reason) {
		super(dealerId, status, effectiveFrom, recordedAt, recordedBy, reason);
	}

	@Override
	DealerStatus value() {
		return status;
	}

	@Override
	void setValue(DealerStatus status) {
		this.status = status;
	}

	DatedStatus view() {
		return new DatedStatus(getEffectiveFrom(), status, getReason(), getRecordedAt(), getRecordedBy());
	}

	DealerStatus getStatus() {
		return status;
	}
}
