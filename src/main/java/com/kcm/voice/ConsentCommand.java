package com.kcm.voice;

import java.time.OffsetDateTime;

/**
 * A consent change as a user or client states it: {@code purpose} ({@code SURVEY}, {@code CARE},
 * {@code MARKETING}), {@code state} ({@code GIVEN} or {@code WITHDRAWN}), {@code channel} it came by, when it
 * took effect ({@code at}, default now; not in the future) and an optional note (at most 500 characters).
 */
public record ConsentCommand(String purpose, String state, String channel, OffsetDateTime at, String note) {
}
