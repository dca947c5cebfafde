package com.kcm.customer;

/**
 * Customer {@code mergedId} was merged into {@code survivorId}: its vehicles now belong to the survivor and
 * it is hidden. Modules holding customer ids (complaints) re-point their references when they hear this.
 */
public record CustomersMerged(long survivorId, long mergedId) {
}
