package com.kcm.customer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A vehicle (车辆), identified by its VIN, owned by one customer and sold by one dealer (both by id).
 * {@code vinLast6} is kept apart so agents can find a car by the six characters a customer reads out.
 */
@Entity
@Table(name = "vehicle")
class Vehicle {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vehicle_seq")
	@SequenceGenerator(name = "vehicle_seq", sequenceName = "vehicle_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true)
	private String vin;

	@Column(name = "vin_last6", nullable = false)
	private String vinLast6;

	private String plate;

	private String model;

	@Column(name = "purchase_date")
	private LocalDate purchaseDate;

	@Column(name = "delivery_date")
	private LocalDate deliveryDate;

	@Column(name = "selling_dealer_id")
	private Long sellingDealerId;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "modification_notes")
	private String modificationNotes;

	@Column(name = "insurance_type")
	private String insuranceType;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Vehicle() {
	}

	Vehicle(Vin vin, Long ownerId, Instant now) {
		this.vin = vin.value();
		this.vinLast6 = vin.last6();
		this.ownerId = ownerId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void correctVin(Vin vin) {
		this.vin = vin.value();
		this.vinLast6 = vin.last6();
	}

	void describe(PlateNumber plate, String model, LocalDate purchaseDate, Long sellingDealerId,
			String modificationNotes, String insuranceType, Instant now) {
		this.plate = plate == null ? null : plate.value();
		this.model = model;
		this.purchaseDate = purchaseDate;
		this.sellingDealerId = sellingDealerId;
		this.modificationNotes = modificationNotes;
		this.insuranceType = insuranceType;
		this.updatedAt = now;
	}

	void deliveredOn(LocalDate deliveryDate) {
		this.deliveryDate = deliveryDate;
	}

	void transferTo(long ownerId, Instant now) {
		this.ownerId = ownerId;
		this.updatedAt = now;
	}

	/** The row of a vehicle registered by intake (see {@link Customer#insertRow}); the id is given here. */
	com.kcm.shared.sql.Insert insertRow(long newId) {
		if (id != null) {
			throw new IllegalStateException("only a new vehicle is written as a row");
		}
		id = newId;
		return com.kcm.shared.sql.Insert.into("vehicle").value("id", id).value("vin", vin).value("vin_last6", vinLast6)
				.value("plate", plate).value("model", model).value("purchase_date", purchaseDate)
				.value("delivery_date", deliveryDate).value("selling_dealer_id", sellingDealerId)
				.value("owner_id", ownerId).value("modification_notes", modificationNotes)
				.value("insurance_type", insuranceType).value("created_at", createdAt).value("updated_at", updatedAt)
				.value("version", version);
	}

	public Long getId() { return id; }
	public String getVin() { return vin; }
	public String getVinLast6() { return vinLast6; }
	public String getPlate() { return plate; }
	public String getModel() { return model; }
	public LocalDate getPurchaseDate() { return purchaseDate; }
	public LocalDate getDeliveryDate() { return deliveryDate; }
	public Long getSellingDealerId() { return sellingDealerId; }
	public Long getOwnerId() { return ownerId; }
	public String getModificationNotes() { return modificationNotes; }
	public String getInsuranceType() { return insuranceType; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getUpdatedAt() { return updatedAt; }
}
