package com.kcm.assessment;

import java.math.BigDecimal;

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

/** One money line of a {@link Statement}; {@code amount} is positive for money to the dealer, negative for money owed. */
@Entity
@Table(name = "statement_line")
class StatementLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "statement_id", nullable = false, updatable = false)
	private Statement statement;

	@Column(name = "line_no", nullable = false, updatable = false)
	private int lineNo;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private LineKind kind;

	@Column(name = "penalty_id", updatable = false)
	private Long penaltyId;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(nullable = false, updatable = false)
	private BigDecimal amount;

	protected StatementLine() {
	}

	StatementLine(Statement statement, int lineNo, LineKind kind, Long penaltyId, String description, BigDecimal amount) {
		this.statement = statement;
		this.lineNo = lineNo;
		this.kind = kind;
		this.penaltyId = penaltyId;
		this.description = description;
		this.amount = amount;
	}

	int lineNo() {
		return lineNo;
	}

	LineKind kind() {
		return kind;
	}

	Long penaltyId() {
		return penaltyId;
	}

	String description() {
		return description;
	}

	BigDecimal amount() {
		return amount;
	}
}
