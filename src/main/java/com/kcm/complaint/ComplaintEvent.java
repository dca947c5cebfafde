package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of a complaint's timeline: who did what when, and the status before and after. Append-only;
 * the assessment reads the state of a complaint at a cut-off from these rows.
 */
@Entity
@jakarta.persistence.EntityListeners(HandlingSummary.Listener.class)
@Immutable
@Table(name = "complaint_event")
class ComplaintEvent {

	/** From a sequence in blocks of 50 (pooled-lo, migration {@code PooledIds}): inserts are batched, no key is read back. */
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_event_seq")
	@SequenceGenerator(name = "complaint_event_seq", sequenceName = "complaint_event_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "complaint_id")
	private Complaint complaint;

	@ManyToOne(fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
	@JoinColumn(name = "work_order_id")
	private WorkOrder workOrder;

	@Column(name = "dealer_id")
	private Long dealerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private EventType type;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String actor;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status")
	private ComplaintStatus fromStatus;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status")
	private ComplaintStatus toStatus;

	private String detail;

	/**
	 * The complaint's category after this event: the category in force at any instant is the one of the
	 * latest event before it (the limit counts the category in force at the cut-off, SPEC §4.2 step 6).
	 */
	@Enumerated(EnumType.STRING)
	private Category category;

	protected ComplaintEvent() {
	}

	ComplaintEvent(Complaint complaint, EventType type, Instant at, Actor actor, ComplaintStatus from,
			ComplaintStatus to, WorkOrder workOrder, Long dealerId, String detail, Category category) {
		this.complaint = complaint;
		this.type = type;
		this.at = at;
		this.actor = actor.username();
		this.fromStatus = from;
		this.toStatus = to;
		this.workOrder = workOrder;
		this.dealerId = dealerId;
		this.detail = detail;
		this.category = category;
	}

	/** Takes the id this new event is written under with plain JDBC ({@link RegistrationRows}). */
	void assignId(long newId) {
		if (id != null) {
			throw new IllegalStateException("event " + id + " is saved already");
		}
		id = newId;
	}

	public Long getId() {
		return id;
	}

	Long complaintId() {
		return complaint.getId();
	}

	public Long getWorkOrderId() {
		return workOrder == null ? null : workOrder.getId();
	}

	public Long getDealerId() {
		return dealerId;
	}

	public EventType getType() {
		return type;
	}

	public Instant getAt() {
		return at;
	}

	public String getActor() {
		return actor;
	}

	public ComplaintStatus getFromStatus() {
		return fromStatus;
	}

	public ComplaintStatus getToStatus() {
		return toStatus;
	}

	public String getDetail() {
		return detail;
	}

	public Category getCategory() {
		return category;
	}
}
