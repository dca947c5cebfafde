package com.kcm.crm;

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

/** A visit to a key account (拜访记录, SPEC §7.3); its follow-up stays open until marked done. */
@Entity
@Table(name = "account_visit")
class Visit {

	enum Kind { ON_SITE, PHONE, ONLINE }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "customer_id", nullable = false)
	private Long customerId;

	@Column(name = "visit_date", nullable = false)
	private LocalDate date;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(nullable = false)
	private String participants;

	@Column(nullable = false)
	private String content;

	private String feedback;

	@Column(name = "next_steps")
	private String nextSteps;

	@Column(name = "follow_up_due")
	private LocalDate followUpDue;

	@Column(name = "follow_up_done_on")
	private LocalDate followUpDoneOn;

	@Column(name = "recorded_by_user_id", nullable = false)
	private Long recordedByUserId;

	@Column(name = "recorded_by_name", nullable = false)
	private String recordedByName;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	protected Visit() {
	}

	Visit(long customerId, LocalDate date, Kind kind, String participants, String content, String feedback,
			String nextSteps, LocalDate followUpDue, long userId, String userName, Instant now) {
		this.customerId = customerId;
		this.date = date;
		this.kind = kind;
		this.participants = participants;
		this.content = content;
		this.feedback = feedback;
		this.nextSteps = nextSteps;
		this.followUpDue = followUpDue;
		this.recordedByUserId = userId;
		this.recordedByName = userName;
		this.recordedAt = now;
	}

	void followUpDone(LocalDate on) {
		if (followUpDue == null || followUpDoneOn != null) {
			throw new com.kcm.shared.domain.DomainException("crm.visit.noOpenFollowUp");
		}
		this.followUpDoneOn = on;
	}

	public Long getId() { return id; }
	public Long getCustomerId() { return customerId; }
	public LocalDate getDate() { return date; }
	public Kind getKind() { return kind; }
	public String getParticipants() { return participants; }
	public String getContent() { return content; }
	public String getFeedback() { return feedback; }
	public String getNextSteps() { return nextSteps; }
	public LocalDate getFollowUpDue() { return followUpDue; }
	public LocalDate getFollowUpDoneOn() { return followUpDoneOn; }
	public String getRecordedByName() { return recordedByName; }
	public Instant getRecordedAt() { return recordedAt; }
}
