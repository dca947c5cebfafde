package com.kcm.policy;

import java.time.LocalDate;

/** A new value of a parameter was recorded; it is in force from {@code effectiveFrom}. */
public record PolicyChanged(String name, String value, LocalDate effectiveFrom) {
}
