package com.kcm.customer;

import java.util.Set;

/**
 * Vehicles were added to, or moved between, these customers (registration, owner change, import): what
 * they own changed. Published in the changing transaction.
 */
public record VehicleOwnersChanged(Set<Long> customerIds) {
}
