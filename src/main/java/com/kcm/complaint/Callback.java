package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One callback (回访) by customer service, belonging to the closure request it answers. */
@Entity
@jakarta.persistence.EntityListeners({ ComplaintChanges.Listener.class, HandlingSummary.Listener.class })
@Immutable
@Table(name = "complaint_callback")
class Callback {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "complaint_id")
	private Complaint complaint;

	@Column(nullable = false)
	private Instant at;

	/** Which closure request (1, 2, …) this callback answers. */
	@Column(name = "closure_round", nullable = false)
	private int closureRound;

	@Column(nullable = false)
	private boolean reached;

	private Boolean resolved;

	private Boolean satisfied;

	@Column(name = "false_reply")
	private Boolean falseReply;

	private String notes;

	@Column(nullable = false)
	private String agent;

	protected Callback() {
	}

	Callback(Complaint complaint, int closureRound, CallbackAnswers a, Instant at, Actor actor) {
		this.complaint = complaint;
		this.closureRound = closureRound;
		this.at = at;
		this.reached = a.reached();
		this.resolved = a.resolved();
		this.satisfied = a.satisfied();
		this.falseReply = a.falseReply();
		this.notes = a.notes();
		this.agent = actor.username();
	}

	Long complaintId() {
		return complaint.getId();
	}

	public Long getId() {
		return id;
	}

	public Instant getAt() {
		return at;
	}

	public int getClosureRound() {
		return closureRound;
	}

	public boolean isReached() {
		return reached;
	}

	public Boolean getResolved() {
		return resolved;
	}

	public Boolean getSatisfied() {
		return satisfied;
	}

	public Boolean getFalseReply() {
		return falseReply;
	}

	public String getNotes() {
		return notes;
	}

	public String getAgent() {
		return agent;
	}
}
