package com.kcm.crm;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A key account (大客户): the customer flagged as such in the customer module, mirrored here with its account
 * manager and name, plus the organisation data and the visit plan this module keeps: the last visit, the next
 * visit due (last visit + the interval of the effective class; null = never visited, due at once) and the
 * earliest open follow-up. A customer no longer flagged stays here inactive (its history is kept).
 */
@Entity
@Table(name = "key_account")
class KeyAccount {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Column(name = "customer_name", nullable = false)
	private String customerName;

	private boolean active;

	@Column(name = "manager_user_id")
	private Long managerUserId;

	@Column(name = "organisation_name")
	private String organisationName;

	private String industry;

	@Column(name = "fleet_size")
	private Integer fleetSize;

	private String address;

	@Column(name = "effective_class", nullable = false)
	private String effectiveClass;

	@Column(name = "last_visit_on")
	private LocalDate lastVisitOn;

	@Column(name = "next_visit_due")
	private LocalDate nextVisitDue;

	@Column(name = "follow_up_due")
	private LocalDate followUpDue;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected KeyAccount() {
	}

	KeyAccount(long customerId, String name, Instant now) {
		this.customerId = customerId;
		this.customerName = name;
		this.active = true;
		this.effectiveClass = "C";
		this.updatedAt = now;
	}

	void mirror(String name, boolean active, Long managerUserId, Instant now) {
		this.customerName = name;
		this.active = active;
		this.managerUserId = managerUserId;
		this.updatedAt = now;
	}

	void describe(String organisationName, String industry, Integer fleetSize, String address, Instant now) {
		this.organisationName = organisationName;
		this.industry = industry;
		this.fleetSize = fleetSize;
		this.address = address;
		this.updatedAt = now;
	}

	/** The plan after a visit, a class change or a policy change. */
	void plan(String effectiveClass, LocalDate lastVisitOn, LocalDate nextVisitDue, LocalDate followUpDue, Instant now) {
		this.effectiveClass = effectiveClass;
		this.lastVisitOn = lastVisitOn;
		this.nextVisitDue = nextVisitDue;
		this.followUpDue = followUpDue;
		this.updatedAt = now;
	}

	public Long getCustomerId() { return customerId; }
	public String getCustomerName() { return customerName; }
	public boolean isActive() { return active; }
	public Long getManagerUserId() { return managerUserId; }
	public String getOrganisationName() { return organisationName; }
	public String getIndustry() { return industry; }
	public Integer getFleetSize() { return fleetSize; }
	public String getAddress() { return address; }
	public String getEffectiveClass() { return effectiveClass; }
	public LocalDate getLastVisitOn() { return lastVisitOn; }
	public LocalDate getNextVisitDue() { return nextVisitDue; }
	public LocalDate getFollowUpDue() { return followUpDue; }
}
