package com.kcm.crm;

import java.time.Instant;

/**
 * One line of the customer 360° timeline: its type (the filter: {@code COMPLAINT}, {@code REPAIR_REQUEST},
 * {@code CALLBACK}, {@code VISIT}, {@code COMMUNICATION}, {@code GOODWILL}, …), when, a title, an optional detail
 * and status, and an optional link to the record's own page.
 */
public record TimelineEntry(String type, Instant at, String title, String detail, String status, String link) {
}
