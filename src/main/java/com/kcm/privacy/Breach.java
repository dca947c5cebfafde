package com.kcm.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kcm.shared.domain.DomainException;

/**
 * A personal-data incident (信息泄露): what happened, whose data, when found; whom the company told and when
 * (internal, the regulator, the affected persons — or why the persons were not told), then closure.
 * {@code OPEN} until every notice is given (or waived), {@code NOTIFIED} then, {@code CLOSED} at the end.
 * The deadlines are fixed when the incident is recorded, from the policies in force at the finding.
 */
@Entity
@Table(name = "breach_incident")
class Breach {

	enum Status {
		OPEN, NOTIFIED, CLOSED
	}

	enum Audience {
		INTERNAL, REGULATOR, PERSONS
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String description;

	@Column(name = "data_kinds", nullable = false)
	private String dataKinds;

	@Column(name = "affected_count", nullable = false)
	private int affectedCount;

	@Column(name = "affected_description")
	private String affectedDescription;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "found_at", nullable = false)
	private Instant foundAt;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "internal_due_at", nullable = false)
	private Instant internalDueAt;

	@Column(name = "regulator_due_at", nullable = false)
	private Instant regulatorDueAt;

	@Column(name = "persons_due_at", nullable = false)
	private Instant personsDueAt;

	@Column(name = "close_due_at", nullable = false)
	private Instant closeDueAt;

	@Column(name = "internal_told_at")
	private Instant internalToldAt;

	@Column(name = "internal_told_whom")
	private String internalToldWhom;

	@Column(name = "regulator_told_at")
	private Instant regulatorToldAt;

	@Column(name = "regulator_told_whom")
	private String regulatorToldWhom;

	@Column(name = "persons_told_at")
	private Instant personsToldAt;

	@Column(name = "persons_told_how")
	private String personsToldHow;

	@Column(name = "persons_waived_reason")
	private String personsWaivedReason;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by")
	private String closedBy;

	@Column(name = "closure_summary")
	private String closureSummary;

	@Version
	private long version;

	protected Breach() {
	}

	Breach(String title, String description, String dataKinds, int affectedCount, String affectedDescription,
			Instant occurredAt, Instant foundAt, Instant recordedAt, String recordedBy, Deadlines due) {
		this.title = title;
		this.description = description;
		this.dataKinds = dataKinds;
		this.affectedCount = affectedCount;
		this.affectedDescription = affectedDescription;
		this.occurredAt = occurredAt;
		this.foundAt = foundAt;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
		this.internalDueAt = due.internal();
		this.regulatorDueAt = due.regulator();
		this.personsDueAt = due.persons();
		this.closeDueAt = due.close();
		this.status = Status.OPEN;
	}

	/** The deadlines of an incident, counted from its finding. */
	record Deadlines(Instant internal, Instant regulator, Instant persons, Instant close) {
	}

	void told(Audience audience, Instant at, String whom) {
		requireOpen();
		switch (audience) {
			case INTERNAL -> {
				if (internalToldAt != null) {
					throw new DomainException("privacy.breach.alreadyTold");
				}
				internalToldAt = at;
				internalToldWhom = whom;
			}
			case REGULATOR -> {
				if (regulatorToldAt != null) {
					throw new DomainException("privacy.breach.alreadyTold");
				}
				regulatorToldAt = at;
				regulatorToldWhom = whom;
			}
			case PERSONS -> {
				if (personsToldAt != null || personsWaivedReason != null) {
					throw new DomainException("privacy.breach.alreadyTold");
				}
				personsToldAt = at;
				personsToldHow = whom;
			}
		}
		settle();
	}

	/** PIPL Art. 57: the persons need not be told when the measures taken avoid the harm; the reason is kept. */
	void waivePersons(String reason) {
		requireOpen();
		if (personsToldAt != null || personsWaivedReason != null) {
			throw new DomainException("privacy.breach.alreadyTold");
		}
		personsWaivedReason = reason;
		settle();
	}

	void close(String summary, String by, Instant now) {
		requireOpen();
		if (status != Status.NOTIFIED) {
			throw new DomainException("privacy.breach.notNotified");
		}
		status = Status.CLOSED;
		closedAt = now;
		closedBy = by;
		closureSummary = summary;
	}

	private void settle() {
		if (internalToldAt != null && regulatorToldAt != null && (personsToldAt != null || personsWaivedReason != null)) {
			status = Status.NOTIFIED;
		}
	}

	private void requireOpen() {
		if (status == Status.CLOSED) {
			throw new DomainException("privacy.breach.closed");
		}
	}

	boolean internalOverdue(Instant now) {
		return internalToldAt == null && status != Status.CLOSED && now.isAfter(internalDueAt);
	}

	boolean regulatorOverdue(Instant now) {
		return regulatorToldAt == null && status != Status.CLOSED && now.isAfter(regulatorDueAt);
	}

	boolean personsOverdue(Instant now) {
		return personsToldAt == null && personsWaivedReason == null && status != Status.CLOSED && now.isAfter(personsDueAt);
	}

	boolean closeOverdue(Instant now) {
		return status != Status.CLOSED && now.isAfter(closeDueAt);
	}

	boolean overdue(Instant now) {
		return internalOverdue(now) || regulatorOverdue(now) || personsOverdue(now) || closeOverdue(now);
	}

	public Long getId() { return id; }
	public String getTitle() { return title; }
	public String getDescription() { return description; }
	public String getDataKinds() { return dataKinds; }
	public int getAffectedCount() { return affectedCount; }
	public String getAffectedDescription() { return affectedDescription; }
	public Instant getOccurredAt() { return occurredAt; }
	public Instant getFoundAt() { return foundAt; }
	public Instant getRecordedAt() { return recordedAt; }
	public String getRecordedBy() { return recordedBy; }
	public Instant getInternalDueAt() { return internalDueAt; }
	public Instant getRegulatorDueAt() { return regulatorDueAt; }
	public Instant getPersonsDueAt() { return personsDueAt; }
	public Instant getCloseDueAt() { return closeDueAt; }
	public Instant getInternalToldAt() { return internalToldAt; }
	public String getInternalToldWhom() { return internalToldWhom; }
	public Instant getRegulatorToldAt() { return regulatorToldAt; }
	public String getRegulatorToldWhom() { return regulatorToldWhom; }
	public Instant getPersonsToldAt() { return personsToldAt; }
	public String getPersonsToldHow() { return personsToldHow; }
	public String getPersonsWaivedReason() { return personsWaivedReason; }
	public Status getStatus() { return status; }
	public Instant getClosedAt() { return closedAt; }
	public String getClosedBy() { return closedBy; }
	public String getClosureSummary() { return closureSummary; }
}
