package com.kcm.crm;

import java.math.BigDecimal;
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
import jakarta.persistence.Version;

import com.kcm.shared.domain.DomainException;

/**
 * A key-account contract (SPEC §7.3): {@code DRAFT} → {@code ACTIVE} (activate) → {@code EXPIRED} (the day
 * after its end date, by the nightly job) or {@code TERMINATED} (with a reason, from draft or active). As of a
 * date an active contract past its end is expired even before the job has run ({@link #statusOn}).
 */
@Entity
@Table(name = "account_contract")
class Contract {

	enum Status { DRAFT, ACTIVE, EXPIRED, TERMINATED }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "customer_id", nullable = false)
	private Long customerId;

	@Column(nullable = false)
	private String number;

	@Column(name = "signed_on", nullable = false)
	private LocalDate signedOn;

	@Column(name = "start_on", nullable = false)
	private LocalDate start;

	@Column(name = "end_on", nullable = false)
	private LocalDate end;

	@Column(name = "contract_value", nullable = false)
	private BigDecimal value;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "termination_reason")
	private String terminationReason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Contract() {
	}

	Contract(long customerId, String number, LocalDate signedOn, LocalDate start, LocalDate end, BigDecimal value,
			Instant now) {
		this.customerId = customerId;
		this.number = number;
		this.signedOn = signedOn;
		this.start = start;
		this.end = end;
		this.value = value;
		this.status = Status.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** The status as of a date: an active (or expired) contract is expired once the date is after its end. */
	Status statusOn(LocalDate on) {
		if (status == Status.ACTIVE || status == Status.EXPIRED) {
			return on.isAfter(end) ? Status.EXPIRED : Status.ACTIVE;
		}
		return status;
	}

	/** Active on {@code on} and ending within {@code days} days on or after it. */
	boolean expiringSoon(LocalDate on, int days) {
		return statusOn(on) == Status.ACTIVE && !end.isBefore(on) && !end.isAfter(on.plusDays(days));
	}

	void activate(LocalDate today, Instant now) {
		if (status != Status.DRAFT) {
			throw new DomainException("crm.contract.notDraft", status);
		}
		if (today.isAfter(end)) {
			throw new DomainException("crm.contract.ended", end);
		}
		status = Status.ACTIVE;
		updatedAt = now;
	}

	void terminate(String reason, Instant now) {
		if (status != Status.DRAFT && status != Status.ACTIVE) {
			throw new DomainException("crm.contract.notTerminable", status);
		}
		status = Status.TERMINATED;
		terminationReason = reason;
		updatedAt = now;
	}

	void expire(Instant now) {
		if (status != Status.ACTIVE) {
			throw new DomainException("crm.contract.notActive", status);
		}
		status = Status.EXPIRED;
		updatedAt = now;
	}

	Long getId() { return id; }
	Long getCustomerId() { return customerId; }
	String getNumber() { return number; }
	LocalDate getSignedOn() { return signedOn; }
	LocalDate getStart() { return start; }
	LocalDate getEnd() { return end; }
	BigDecimal getValue() { return value; }
	Status getStatus() { return status; }
	String getTerminationReason() { return terminationReason; }
}
