package com.kcm.policy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One value of a parameter, in force from its date until the next one. Never changed once written. */
@Entity
@Table(name = "policy_value")
class PolicyRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "value_text", nullable = false)
	private String value;

	@Column(name = "effective_from", nullable = false)
	private LocalDate effectiveFrom;

	@Column(nullable = false)
	private String reason;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	protected PolicyRecord() {
	}

	PolicyRecord(PolicyName name, String value, LocalDate effectiveFrom, String reason, Instant recordedAt,
			String recordedBy) {
		this.name = name.name();
		this.value = value;
		this.effectiveFrom = effectiveFrom;
		this.reason = reason;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
	}

	PolicyEntry entry() {
		return new PolicyEntry(id, name, value, effectiveFrom, reason, recordedAt, recordedBy);
	}
}
