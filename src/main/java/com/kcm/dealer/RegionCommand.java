package com.kcm.dealer;

/** Create or rename a region ({@code POST /api/v1/regions}); {@code code} is ignored on a rename. */
public record RegionCommand(String code, String name) {
}
