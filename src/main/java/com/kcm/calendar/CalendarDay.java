package com.kcm.calendar;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A date that is not what Monday–Friday says: a statutory holiday or a make-up working day. */
@Entity
@Table(name = "calendar_day")
class CalendarDay {

	@Id
	@Column(name = "calendar_date")
	private LocalDate date;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DayKind kind;

	private String name;

	@Version
	private Long version;

	protected CalendarDay() {
	}

	CalendarDay(LocalDate date, DayKind kind, String name) {
		this.date = date;
		this.kind = kind;
		this.name = name;
	}

	void change(DayKind kind, String name) {
		this.kind = kind;
		this.name = name;
	}

	public LocalDate getDate() {
		return date;
	}

	public DayKind getKind() {
		return kind;
	}

	public String getName() {
		return name;
	}
}
