package com.kcm.major;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One text item of a dossier and who supplied it when (the contact stored encrypted). */
@Entity
@Table(name = "major_dossier_item")
class DossierEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_id", nullable = false)
	private long majorId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DossierItem item;

	@Column(name = "text_value", nullable = false)
	private String textValue;

	@Column(name = "supplied_by", nullable = false)
	private String suppliedBy;

	@Column(name = "supplied_at", nullable = false)
	private Instant suppliedAt;

	protected DossierEntry() {
	}

	DossierEntry(long majorId, DossierItem item, String textValue, String by, Instant at) {
		this.majorId = majorId;
		this.item = item;
		this.textValue = textValue;
		this.suppliedBy = by;
		this.suppliedAt = at;
	}

	void replace(String value, String by, Instant at) {
		this.textValue = value;
		this.suppliedBy = by;
		this.suppliedAt = at;
	}

	public long getMajorId() {
		return majorId;
	}

	public DossierItem getItem() {
		return item;
	}

	public String getTextValue() {
		return textValue;
	}

	public String getSuppliedBy() {
		return suppliedBy;
	}

	public Instant getSuppliedAt() {
		return suppliedAt;
	}
}
