package com.kcm.customer;

import java.time.LocalDate;

/**
 * A vehicle with its selling dealer's code and name resolved; {@code ownerId} null while the owner is unknown;
 * {@code deliveryDate} null unless given.
 */
public record VehicleView(long id, String vin, String plate, String model, LocalDate purchaseDate,
		Long sellingDealerId, String sellingDealerCode, String sellingDealerName, String insuranceType,
		String modificationNotes, Long ownerId, LocalDate deliveryDate) {
}
