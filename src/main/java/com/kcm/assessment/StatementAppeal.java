package com.kcm.assessment;

import java.time.Instant;

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
import jakarta.persistence.Table;

/** A dealer's appeal (申诉) against a published {@link Statement}, answered once by the manager. */
@Entity
@Table(name = "statement_appeal")
class StatementAppeal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "statement_id", nullable = false, updatable = false)
	private Statement statement;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(updatable = false)
	private String evidence;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AppealStatus status;

	@Column(name = "filed_by", nullable = false, updatable = false)
	private String filedBy;

	@Column(name = "filed_at", nullable = false, updatable = false)
	private Instant filedAt;

	private String answer;

	@Column(name = "answered_by")
	private String answeredBy;

	@Column(name = "answered_at")
	private Instant answeredAt;

	protected StatementAppeal() {
	}

	StatementAppeal(Statement statement, String reason, String evidence, String by, Instant at) {
		this.statement = statement;
		this.reason = reason;
		this.evidence = evidence;
		this.status = AppealStatus.OPEN;
		this.filedBy = by;
		this.filedAt = at;
	}

	void answer(AppealStatus decision, String text, String by, Instant at) {
		this.status = decision;
		this.answer = text;
		this.answeredBy = by;
		this.answeredAt = at;
	}

	/** What the audit trail keeps of an appeal. */
	record AuditView(long statementId, AppealStatus status, String reason, String evidence, String answer,
			String answeredBy) {
	}

	AuditView auditView() {
		return new AuditView(statement.id(), status, reason, evidence, answer, answeredBy);
	}

	Long id() {
		return id;
	}

	AppealStatus status() {
		return status;
	}
}
