package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.springframework.data.domain.AbstractAggregateRoot;

import com.kcm.dealer.DealerSummary;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;

/**
 * A dealer's monthly statement (结算单, SPEC §5.4) in one revision: a frozen snapshot of one assessment computation
 * with its money lines and the dealer's appeals.
 * <p>
 * Life cycle: {@code DRAFT} → (publish) {@code PUBLISHED} → the dealer may appeal until the appeal deadline, the
 * manager answers each appeal → (approve, once the deadline passed and no appeal is open) {@code APPROVED} →
 * (settle, by finance) {@code SETTLED}. Any current revision without open appeals can be revised: it becomes
 * {@code SUPERSEDED} and revision n+1 starts again as a {@code DRAFT}. Each move is checked here, refused with the
 * reason when illegal (changing nothing), and registers a domain event published when the statement is saved.
 * Commands load it with a write lock on its row ({@link StatementRepository#lock}), so two concurrent changes of
 * one statement (its appeals included) cannot both succeed: the second sees the first one's result.
 */
@Entity
@Table(name = "statement")
class Statement extends AbstractAggregateRoot<Statement> {

	private static final BigDecimal ZERO = new BigDecimal("0.00");

	/** The assessment computation a statement freezes: the stored result JSON and its support amount. */
	record Computation(long resultId, long dealerId, String month, Instant cutoff, Instant computedAt, String snapshot,
			BigDecimal supportAmount) {
	}

	/** An approved penalty of the month as it becomes a line (amount positive, as approved). */
	record Penalty(long id, String reason, BigDecimal amount) {
	}

	/** The dealer filed an appeal against the published statement. */
	record Appealed(long statementId, long dealerId, String month) {
	}

	/** The manager answered an appeal. */
	record AppealAnswered(long statementId, long appealId, AppealStatus decision) {
	}

	/** The manager approved the statement for settlement. */
	record Approved(long statementId, long dealerId, String month, BigDecimal total) {
	}

	/** Finance recorded the payment or deduction. */
	record Settled(long statementId, long dealerId, SettlementMethod method, BigDecimal total) {
	}

	/** The statement was replaced by a new revision (a correction, an accepted appeal, a late penalty). */
	record Superseded(long statementId, long dealerId, String month, int revision, String reason) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "period_month", nullable = false, updatable = false)
	private String month;

	@Column(name = "dealer_id", nullable = false, updatable = false)
	private long dealerId;

	@Column(name = "dealer_code", nullable = false, updatable = false)
	private String dealerCode;

	@Column(name = "dealer_name", nullable = false, updatable = false)
	private String dealerName;

	@Column(name = "region_id", nullable = false, updatable = false)
	private long regionId;

	@Column(nullable = false, updatable = false)
	private int revision;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private StatementStatus status;

	@Column(name = "assessment_result_id", nullable = false, updatable = false)
	private long assessmentResultId;

	@Column(nullable = false, updatable = false)
	private Instant cutoff;

	@Column(name = "computed_at", nullable = false, updatable = false)
	private Instant computedAt;

	@Column(nullable = false, updatable = false, length = 20000)
	private String snapshot;

	@Column(name = "support_amount", nullable = false, updatable = false)
	private BigDecimal supportAmount;

	@Column(name = "penalty_amount", nullable = false, updatable = false)
	private BigDecimal penaltyAmount;

	@Column(name = "net_amount", nullable = false, updatable = false)
	private BigDecimal netAmount;

	@Column(name = "total_amount", nullable = false, updatable = false)
	private BigDecimal total;

	@Column(name = "revision_reason", updatable = false)
	private String revisionReason;

	@Column(name = "previous_id", updatable = false)
	private Long previousId;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "published_by")
	private String publishedBy;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "appeal_due_at")
	private Instant appealDueAt;

	@Column(name = "approved_by")
	private String approvedBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "settled_by")
	private String settledBy;

	@Column(name = "settled_at")
	private Instant settledAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "settlement_method")
	private SettlementMethod settlementMethod;

	@Column(name = "settlement_reference")
	private String settlementReference;

	@Column(name = "settlement_date")
	private LocalDate settlementDate;

	@Column(name = "superseded_by")
	private String supersededBy;

	@Column(name = "superseded_at")
	private Instant supersededAt;

	@OneToMany(mappedBy = "statement", cascade = CascadeType.PERSIST)
	@OrderBy("lineNo")
	private List<StatementLine> lines = new ArrayList<>();

	@OneToMany(mappedBy = "statement", cascade = CascadeType.PERSIST)
	@OrderBy("filedAt, id")
	private List<StatementAppeal> appeals = new ArrayList<>();

	protected Statement() {
	}

	// ---- drafting -----------------------------------------------------------------------------

	/**
	 * A DRAFT from a computation: the support line, one line per approved penalty (money owed, negative) and, on a
	 * revision of a month that was settled before, what was settled already; the total is the sum of the lines.
	 */
	static Statement draft(Computation c, DealerSummary dealer, int revision, Long previousId, String reason,
			List<Penalty> penalties, BigDecimal settledBefore, String by, Instant at) {
		Statement s = new Statement();
		s.month = c.month();
		s.dealerId = dealer.id();
		s.dealerCode = dealer.code();
		s.dealerName = dealer.name();
		s.regionId = dealer.regionId();
		s.revision = revision;
		s.status = StatementStatus.DRAFT;
		s.assessmentResultId = c.resultId();
		s.cutoff = c.cutoff();
		s.computedAt = c.computedAt();
		s.snapshot = c.snapshot();
		s.revisionReason = reason;
		s.previousId = previousId;
		s.createdBy = by;
		s.createdAt = at;
		BigDecimal support = c.supportAmount().setScale(2, RoundingMode.UNNECESSARY);
		s.addLine(LineKind.SUPPORT, null, dealer.type().code(), support);
		BigDecimal penaltyTotal = ZERO;
		for (Penalty p : penalties) {
			BigDecimal amount = p.amount().setScale(2, RoundingMode.UNNECESSARY);
			s.addLine(LineKind.PENALTY, p.id(), p.reason(), amount.negate());
			penaltyTotal = penaltyTotal.add(amount);
		}
		if (settledBefore.signum() != 0) {
			s.addLine(LineKind.SETTLED_BEFORE, null, settledBefore.toPlainString(), settledBefore.negate());
		}
		s.supportAmount = support;
		s.penaltyAmount = penaltyTotal;
		s.netAmount = support.subtract(penaltyTotal);
		s.total = s.lines.stream().map(StatementLine::amount).reduce(ZERO, BigDecimal::add).setScale(2,
				RoundingMode.UNNECESSARY);
		return s;
	}

	private void addLine(LineKind kind, Long penaltyId, String description, BigDecimal amount) {
		lines.add(new StatementLine(this, lines.size() + 1, kind, penaltyId, description == null ? "" : description,
				amount));
	}

	// ---- life cycle ---------------------------------------------------------------------------

	/** DRAFT → PUBLISHED: the dealer sees it and may appeal until {@code appealDue}. */
	Statement publish(Instant appealDue, String by, Instant at) {
		require(StatementStatus.DRAFT, "statement.notDraft");
		status = StatementStatus.PUBLISHED;
		publishedBy = by;
		publishedAt = at;
		appealDueAt = Objects.requireNonNull(appealDue);
		registerEvent(new StatementPublished(id, dealerId, month, revision, total, appealDue));
		return this;
	}

	/** The dealer appeals while PUBLISHED and not after the appeal deadline (the deadline minute included). */
	StatementAppeal appeal(String reason, String evidence, String by, Instant at) {
		require(StatementStatus.PUBLISHED, "statement.notPublished");
		if (at.isAfter(appealDueAt)) {
			throw ValidationException.of("appealDueAt", "statement.appeal.late", Months.localText(appealDueAt));
		}
		StatementAppeal appeal = new StatementAppeal(this, reason, evidence, by, at);
		appeals.add(appeal);
		registerEvent(new Appealed(id, dealerId, month));
		return appeal;
	}

	/**
	 * The manager answers an open appeal of this PUBLISHED statement. Answers whether the month must now be
	 * recomputed into a new revision: no appeal is open any more and at least one was accepted.
	 */
	boolean answerAppeal(long appealId, AppealStatus decision, String answer, String by, Instant at) {
		StatementAppeal appeal = appeal(appealId);
		if (appeal.status() != AppealStatus.OPEN) {
			throw new DomainException("statement.appeal.answered");
		}
		require(StatementStatus.PUBLISHED, "statement.notPublished");
		appeal.answer(decision, answer, by, at);
		registerEvent(new AppealAnswered(id, appealId, decision));
		return openAppeals() == 0 && !acceptedAppeals().isEmpty();
	}

	/**
	 * PUBLISHED → APPROVED: after the appeal deadline, with every appeal answered and every approved penalty of the
	 * month among the lines ({@code approvedPenaltyIds}: the month's approved penalties now).
	 */
	Statement approve(Collection<Long> approvedPenaltyIds, String by, Instant at) {
		require(StatementStatus.PUBLISHED, "statement.notPublished");
		if (openAppeals() > 0) {
			throw new DomainException("statement.appealOpen", openAppeals());
		}
		if (!at.isAfter(appealDueAt)) {
			throw new DomainException("statement.appealPeriodOpen", Months.localText(appealDueAt));
		}
		List<Long> pending = pendingPenalties(approvedPenaltyIds);
		if (!pending.isEmpty()) {
			throw new DomainException("statement.penaltyPending",
					pending.stream().map(p -> "#" + p).collect(Collectors.joining(", ")));
		}
		status = StatementStatus.APPROVED;
		approvedBy = by;
		approvedAt = at;
		registerEvent(new Approved(id, dealerId, month, total));
		return this;
	}

	/** APPROVED → SETTLED by finance with a method that fits the total's sign, a reference and the date. */
	Statement settle(SettlementMethod method, String reference, LocalDate on, String by, Instant at) {
		require(StatementStatus.APPROVED, "statement.notApproved");
		if (!SettlementMethod.allowedFor(total).contains(method)) {
			throw ValidationException.of("method", "statement.method.invalid", total.toPlainString(),
					SettlementMethod.allowedText(total));
		}
		status = StatementStatus.SETTLED;
		settledBy = by;
		settledAt = at;
		settlementMethod = method;
		settlementReference = reference;
		settlementDate = on;
		registerEvent(new Settled(id, dealerId, method, total));
		return this;
	}

	/** Refuses a revision of a superseded statement or of one with an open appeal. */
	void requireRevisable() {
		if (status == StatementStatus.SUPERSEDED) {
			throw new DomainException("statement.superseded");
		}
		if (openAppeals() > 0) {
			throw new DomainException("statement.appealOpen", openAppeals());
		}
	}

	/**
	 * A correction: this revision becomes SUPERSEDED and the next one starts as a DRAFT from {@code c} (a
	 * recomputation, or the same computation when a late penalty is taken in). Answers the new revision.
	 */
	Statement revise(String reason, Computation c, DealerSummary dealer, List<Penalty> penalties,
			BigDecimal settledBefore, String by, Instant at) {
		requireRevisable();
		status = StatementStatus.SUPERSEDED;
		supersededBy = by;
		supersededAt = at;
		registerEvent(new Superseded(id, dealerId, month, revision, reason));
		return draft(c, dealer, revision + 1, id, reason, penalties, settledBefore, by, at);
	}

	private void require(StatementStatus expected, String code) {
		if (status != expected) {
			throw new DomainException(code, status.name());
		}
	}

	// ---- reading ------------------------------------------------------------------------------

	StatementAppeal appeal(long appealId) {
		return appeals.stream().filter(a -> Objects.equals(a.id(), appealId)).findFirst()
				.orElseThrow(() -> new NotFoundException("appeal", appealId));
	}

	int openAppeals() {
		return (int) appeals.stream().filter(a -> a.status() == AppealStatus.OPEN).count();
	}

	/** The accepted appeals as {@code #id}, in filing order. */
	List<String> acceptedAppeals() {
		return appeals.stream().filter(a -> a.status() == AppealStatus.ACCEPTED).map(a -> "#" + a.id()).toList();
	}

	/** Of the given approved penalties of the month, those that are not lines of this statement, by id. */
	List<Long> pendingPenalties(Collection<Long> approvedPenaltyIds) {
		Set<Long> inLines = lines.stream().map(StatementLine::penaltyId).filter(Objects::nonNull)
				.collect(Collectors.toSet());
		return approvedPenaltyIds.stream().filter(p -> !inLines.contains(p)).sorted().distinct().toList();
	}

	/** The events registered since the last save (for tests and the audit). */
	List<Object> events() {
		return List.copyOf(domainEvents());
	}

	Long id() {
		return id;
	}

	String month() {
		return month;
	}

	long dealerId() {
		return dealerId;
	}

	String dealerCode() {
		return dealerCode;
	}

	int revision() {
		return revision;
	}

	StatementStatus status() {
		return status;
	}

	long assessmentResultId() {
		return assessmentResultId;
	}

	Instant cutoff() {
		return cutoff;
	}

	BigDecimal total() {
		return total;
	}

	BigDecimal netAmount() {
		return netAmount;
	}

	Instant appealDueAt() {
		return appealDueAt;
	}

	Instant settledAt() {
		return settledAt;
	}

	String revisionReason() {
		return revisionReason;
	}

	SettlementMethod settlementMethod() {
		return settlementMethod;
	}

	String settlementReference() {
		return settlementReference;
	}

	LocalDate settlementDate() {
		return settlementDate;
	}

	List<StatementLine> lines() {
		return Collections.unmodifiableList(lines);
	}

	List<StatementAppeal> appeals() {
		return Collections.unmodifiableList(appeals);
	}
}
