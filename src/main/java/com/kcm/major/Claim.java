package com.kcm.major;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kcm.shared.domain.DomainException;

/**
 * A special claim (特殊索赔: amount and materials) or an outbound-service claim (外出服务: trip, dates,
 * travel and lodging) of a major complaint: {@code PROPOSED} → {@code APPROVED} or {@code REJECTED} by the
 * after-sales manager.
 */
@Entity
@Table(name = "major_claim")
class Claim {

	enum Kind {
		SPECIAL, OUTBOUND
	}

	enum Status {
		PROPOSED, APPROVED, REJECTED
	}

	/** The materials checklist of a special claim. */
	enum Material {
		VEHICLE_LICENCE, OWNER_ID, PURCHASE_INVOICE, AGREEMENT_AND_RECEIPTS, OTHER
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_id", nullable = false)
	private long majorId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(nullable = false)
	private BigDecimal amount;

	private String materials;

	private String trip;

	@Column(name = "travel_from")
	private LocalDate travelFrom;

	@Column(name = "travel_to")
	private LocalDate travelTo;

	@Column(name = "travel_amount")
	private BigDecimal travelAmount;

	@Column(name = "lodging_amount")
	private BigDecimal lodgingAmount;

	private String note;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "proposed_by", nullable = false)
	private String proposedBy;

	@Column(name = "proposed_at", nullable = false)
	private Instant proposedAt;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_note")
	private String decisionNote;

	protected Claim() {
	}

	static Claim special(long majorId, BigDecimal amount, String materials, String note, String by, Instant at) {
		Claim c = new Claim();
		c.init(majorId, Kind.SPECIAL, amount, note, by, at);
		c.materials = materials;
		return c;
	}

	static Claim outbound(long majorId, String trip, LocalDate from, LocalDate to, BigDecimal travel,
			BigDecimal lodging, String note, String by, Instant at) {
		Claim c = new Claim();
		c.init(majorId, Kind.OUTBOUND, travel.add(lodging), note, by, at);
		c.trip = trip;
		c.travelFrom = from;
		c.travelTo = to;
		c.travelAmount = travel;
		c.lodgingAmount = lodging;
		return c;
	}

	private void init(long majorId, Kind kind, BigDecimal amount, String note, String by, Instant at) {
		this.majorId = majorId;
		this.kind = kind;
		this.amount = amount;
		this.note = note == null || note.isBlank() ? null : note.trim();
		this.status = Status.PROPOSED;
		this.proposedBy = by;
		this.proposedAt = at;
	}

	void decide(boolean approve, String note, String by, Instant at) {
		if (status != Status.PROPOSED) {
			throw new DomainException("major.claim.decided");
		}
		status = approve ? Status.APPROVED : Status.REJECTED;
		decisionNote = note == null || note.isBlank() ? null : note.trim();
		decidedBy = by;
		decidedAt = at;
	}

	public Long getId() {
		return id;
	}

	public long getMajorId() {
		return majorId;
	}

	public Kind getKind() {
		return kind;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getMaterials() {
		return materials;
	}

	public String getTrip() {
		return trip;
	}

	public LocalDate getTravelFrom() {
		return travelFrom;
	}

	public LocalDate getTravelTo() {
		return travelTo;
	}

	public BigDecimal getTravelAmount() {
		return travelAmount;
	}

	public BigDecimal getLodgingAmount() {
		return lodgingAmount;
	}

	public String getNote() {
		return note;
	}

	public Status getStatus() {
		return status;
	}

	public String getProposedBy() {
		return proposedBy;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecisionNote() {
		return decisionNote;
	}
}
