package com.kcm.dealer;

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

/**
 * A dealer (销售服务商) of the network. {@code status} and {@code starLevel} are the values in force
 * today; the dated history of both ({@link DealerStatusEntry}, {@link DealerStarEntry}) is kept
 * separately and decides every past period. Created with a status and a star level that hold from its
 * accepted-on date; later changes are dated entries, never edits of the past.
 */
@Entity
@Table(name = "dealer")
class Dealer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String code;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private DealerType type;

	@Column(name = "region_id", nullable = false)
	private Long regionId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DealerStatus status;

	@Column(name = "star_level", nullable = false)
	private int starLevel;

	@Column(name = "accepted_on", nullable = false)
	private LocalDate acceptedOn;

	@Column(name = "contact_phone")
	private String contactPhone;

	@Column(name = "contact_email")
	private String contactEmail;

	@Version
	private long version;

	protected Dealer() {
	}

	Dealer(String code, String name, DealerType type, Long regionId, DealerStatus status, int starLevel,
			LocalDate acceptedOn, String contactPhone, String contactEmail) {
		this.code = code;
		this.name = name;
		this.type = type;
		this.regionId = regionId;
		this.status = status;
		this.starLevel = starLevel;
		this.acceptedOn = acceptedOn;
		this.contactPhone = contactPhone;
		this.contactEmail = contactEmail;
	}

	void changeDetails(String name, DealerType type, Long regionId, LocalDate acceptedOn, String contactPhone,
			String contactEmail) {
		this.name = name;
		this.type = type;
		this.regionId = regionId;
		this.acceptedOn = acceptedOn;
		this.contactPhone = contactPhone;
		this.contactEmail = contactEmail;
	}

	/** Sets the status in force today (the dated history is written alongside). */
	void currentStatus(DealerStatus status) {
		this.status = status;
	}

	void currentStarLevel(int starLevel) {
		this.starLevel = starLevel;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public DealerType getType() {
		return type;
	}

	public Long getRegionId() {
		return regionId;
	}

	public DealerStatus getStatus() {
		return status;
	}

	public int getStarLevel() {
		return starLevel;
	}

	public LocalDate getAcceptedOn() {
		return acceptedOn;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public String getContactEmail() {
		return contactEmail;
	}
}
