package com.kcm.customer;

import java.time.LocalDate;

/** What a user says about a vehicle; the selling dealer by its code, the owner by customer id. */
public record VehicleCommand(String vin, String plate, String model, LocalDate purchaseDate, String sellingDealerCode,
		Long ownerId, String modificationNotes, String insuranceType) {
}
