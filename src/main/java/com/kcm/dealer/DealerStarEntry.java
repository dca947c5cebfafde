package com.kcm.dealer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of a dealer's dated star-level history. */
@Entity
@Table(name = "dealer_star_history")
class DealerStarEntry extends DatedEntry<Integer> {

	@Column(name = "star_level", nullable = false)
	private int starLevel;

	protected DealerStarEntry() {
	}

	DealerStarEntry(Long dealerId, int starLevel, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
			String reason) {
		super(dealerId, starLevel, effectiveFrom, recordedAt, recordedBy, reason);
	}

	@Override
	Integer value() {
		return starLevel;
	}

	@Override
	void setValue(Integer starLevel) {
		this.starLevel = starLevel;
	}

	DatedStar view() {
		return new DatedStar(getEffectiveFrom(), starLevel, getReason(), getRecordedAt(), getRecordedBy());
	}

	int getStarLevel() {
		return starLevel;
	}
}
