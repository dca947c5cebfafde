package com.kcm.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One thing done about an incident (contained, password reset, data recalled…); only ever added. */
@Entity
@Immutable
@Table(name = "breach_action")
class BreachAction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "breach_id", nullable = false)
	private long breachId;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String actor;

	@Column(nullable = false)
	private String text;

	protected BreachAction() {
	}

	BreachAction(long breachId, Instant at, String actor, String text) {
		this.breachId = breachId;
		this.at = at;
		this.actor = actor;
		this.text = text;
	}

	public Long getId() { return id; }
	public long getBreachId() { return breachId; }
	public Instant getAt() { return at; }
	public String getActor() { return actor; }
	public String getText() { return text; }
}
