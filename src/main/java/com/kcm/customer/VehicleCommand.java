package com.kcm.customer;

import java.time.LocalDate;

/**
 * What a user says about a vehicle; the selling dealer by its code, the owner by customer id (optional in the
 * API, A.2). {@code deliveryDate} is optional (the 三包 start when given, SPEC §7.8).
 */
public record VehicleCommand(String vin, String plate, String model, LocalDate purchaseDate, String sellingDealerCode,
		Long ownerId, String modificationNotes, String insuranceType, LocalDate deliveryDate) {

	public VehicleCommand(String vin, String plate, String model, LocalDate purchaseDate, String sellingDealerCode,
			Long ownerId, String modificationNotes, String insuranceType) {
		this(vin, plate, model, purchaseDate, sellingDealerCode, ownerId, modificationNotes, insuranceType, null);
	}
}
