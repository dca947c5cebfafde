/**
 * Customers and their vehicles (SPEC §2, §8): phone and ID numbers encrypted at rest with keyed lookup
 * hashes, masked everywhere unless a permitted user reveals them (audited); the agent's lookup by phone,
 * VIN, last six of the VIN, plate or name; duplicates by phone and their merge ({@link
 * com.kcm.customer.CustomersMerged}); scoping of dealer and regional users by the vehicles their network
 * sold. Other modules use {@link com.kcm.customer.Customers} and {@link com.kcm.customer.Vehicles}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers and vehicles")
package com.kcm.customer;
