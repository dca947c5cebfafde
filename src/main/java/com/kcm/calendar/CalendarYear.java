package com.kcm.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A year and whether its official schedule has been entered and checked (published). */
@Entity
@Table(name = "calendar_year")
class CalendarYear {

	@Id
	@Column(name = "year_no")
	private Integer year;

	@Column(nullable = false)
	private boolean published;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "published_by")
	private String publishedBy;

	@Version
	private Long version;

	protected CalendarYear() {
	}

	CalendarYear(int year) {
		this.year = year;
	}

	void publish(boolean published, Instant at, String by) {
		this.published = published;
		this.publishedAt = at;
		this.publishedBy = by;
	}

	public Integer getYear() {
		return year;
	}

	public boolean isPublished() {
		return published;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public String getPublishedBy() {
		return publishedBy;
	}
}
