package com.kcm.customer;

import java.util.Set;

/**
 * Vehicles were added to, or moved between, these customers (registration, owner change, import): what
 * they own changed. Published in the changing transaction. Not published for a car that intake registers
 * together with its new owner ({@link IntakeParties}): the owner's class is computed with the car then.
 */
public record VehicleOwnersChanged(Set<Long> customerIds) {

	/** Vehicles without an owner (A.2 allows one) have no customer to tell: null ids are left out. */
	public VehicleOwnersChanged {
		customerIds = customerIds.stream().filter(java.util.Objects::nonNull)
				.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/** The owners before and after a change, either of which may be none. */
	public static VehicleOwnersChanged of(Long... customerIds) {
		return new VehicleOwnersChanged(new java.util.HashSet<>(java.util.Arrays.asList(customerIds)));
	}
}
