package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * Monthly statements (结算单, SPEC §5.4), the application service: checks the input of each command, loads the
 * {@link Statement} with its row locked, lets it make the move, saves it (which publishes its events) and
 * records the change in the audit trail. Reads go through {@link StatementQueries}. See docs/assessment.md,
 * section Statements.
 */
@Service
class Statements {

	/** What {@code POST /statements/{month}/drafts} did. */
	record Drafts(String month, int created, int skipped, List<Long> ids) {
	}

	/** How an appeal was answered, and the new draft revision's id when the month was recomputed (else null). */
	record Answered(AppealStatus decision, Long revisionId) {
	}

	private final StatementRepository repository;
	private final StatementQueries queries;
	private final AssessmentComputation computation;
	private final DealerCatalog dealers;
	private final AppealPeriod appealPeriod;
	private final StatementText text;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	Statements(StatementRepository repository, StatementQueries queries, AssessmentComputation computation,
			DealerCatalog dealers, AppealPeriod appealPeriod, StatementText text, CurrentUsers users, Audit audit,
			Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.computation = computation;
		this.dealers = dealers;
		this.appealPeriod = appealPeriod;
		this.text = text;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates revision 1 as a DRAFT from the latest computation of the month, for one dealer or (code null) for
	 * every computed dealer that has no statement of the month yet (those are skipped).
	 */
	@Transactional
	public Drafts createDrafts(String month, String dealerCode) {
		YearMonth m = Months.parse(month, "month");
		List<Long> resultIds;
		if (dealerCode != null && !dealerCode.isBlank()) {
			DealerSummary dealer = dealers.byCode(dealerCode.trim())
					.orElseThrow(() -> ValidationException.of("dealerCode", "assessment.dealer.unknown", dealerCode));
			Long latest = queries.latestComputation(m, dealer.id());
			if (latest == null) {
				throw ValidationException.of("month", "statement.noComputation", m.toString(), dealer.code());
			}
			if (repository.dealersWithStatement(m.toString()).contains(dealer.id())) {
				throw ValidationException.of("dealerCode", "statement.exists", dealer.code(), m.toString());
			}
			resultIds = List.of(latest);
		} else {
			resultIds = queries.latestComputations(m);
			if (resultIds.isEmpty()) {
				throw ValidationException.of("month", "statement.noComputationAll", m.toString());
			}
		}
		Set<Long> withStatement = new HashSet<>(repository.dealersWithStatement(m.toString()));
		List<Long> ids = new ArrayList<>();
		for (long resultId : resultIds) {
			Statement.Computation c = queries.computation(resultId);
			if (!withStatement.contains(c.dealerId())) {
				ids.add(create(c, 1, null, null, BigDecimal.ZERO));
			}
		}
		int skipped = resultIds.size() - ids.size();
		audit.event("DRAFTS", "statement", m.toString(), ids.size() + " created, " + skipped + " skipped");
		return new Drafts(m.toString(), ids.size(), skipped, ids);
	}

	/** DRAFT → PUBLISHED: the dealer sees it and may appeal until the appeal deadline (policy working days). */
	@Transactional
	public void publish(long id) {
		queries.visible(id);
		Statement s = lock(id);
		StatementAuditView before = StatementAuditView.of(s, false);
		Instant now = clock.instant();
		s.publish(appealPeriod.dueFrom(now), actor(), now);
		saved(s, before);
	}

	/** Publishes every DRAFT of the month (each as {@link #publish}); answers how many. */
	@Transactional
	public int publishAll(String month) {
		List<Long> ids = repository.drafts(Months.parse(month, "month").toString());
		ids.forEach(this::publish);
		return ids.size();
	}

	/** The dealer appeals a published statement within the appeal period; answers the appeal's id. */
	@Transactional
	public long appeal(long id, String reason, String evidence) {
		queries.visible(id);
		Violations v = new Violations();
		StatementInput.text(v, "reason", reason, 4000, true);
		StatementInput.text(v, "evidence", evidence, 4000, false);
		v.throwIfAny();
		Statement s = lock(id);
		StatementAppeal appeal = s.appeal(reason.trim(), evidence == null || evidence.isBlank() ? null : evidence.trim(),
				actor(), clock.instant());
		store(s);
		audit.changed(Audit.CREATE, "statement_appeal", appeal.id(), null, appeal.auditView());
		return appeal.id();
	}

	/**
	 * The manager answers an appeal. When the last open appeal of the statement is answered and at least one was
	 * accepted, the dealer's month is recomputed with the statement's cut-off into a new DRAFT revision.
	 */
	@Transactional
	public Answered answer(long appealId, String decision, String answer) {
		long statementId = queries.statementOfAppeal(appealId);
		Violations v = new Violations();
		AppealStatus d = AppealStatus.decision(decision, "decision", v);
		StatementInput.text(v, "answer", answer, 4000, true);
		v.throwIfAny();
		Statement s = lock(statementId);
		StatementAppeal appeal = s.appeal(appealId);
		StatementAppeal.AuditView before = appeal.auditView();
		boolean recompute = s.answerAppeal(appealId, d, answer.trim(), actor(), clock.instant());
		store(s);
		audit.changed(Audit.UPDATE, "statement_appeal", appealId, before, appeal.auditView());
		return new Answered(d, recompute
				? revise(s, text.stored("statement.revision.appeal", String.join(", ", s.acceptedAppeals())), true)
				: null);
	}

	/** PUBLISHED → APPROVED: after the appeal period, with every appeal answered and no approved penalty missing. */
	@Transactional
	public void approve(long id) {
		queries.visible(id);
		Statement s = lock(id);
		StatementAuditView before = StatementAuditView.of(s, false);
		s.approve(queries.approvedPenaltyIds(s.dealerId(), s.month()), actor(), clock.instant());
		saved(s, before);
	}

	/**
	 * APPROVED → SETTLED by finance: a positive total is paid ({@code PAYMENT}), a negative one deducted from the
	 * deposit or the claim settlement, a zero total settles with {@code NONE}; reference (except for NONE) and date
	 * (not in the future) are recorded.
	 */
	@Transactional
	public void settle(long id, String method, String reference, String date) {
		queries.visible(id);
		Statement s = lock(id);
		Violations v = new Violations();
		SettlementMethod m = SettlementMethod.parse(method);
		if (method == null || method.isBlank()) {
			v.field("method", "error.required");
		} else if (m == null || !SettlementMethod.allowedFor(s.total()).contains(m)) {
			v.field("method", "statement.method.invalid", s.total().toPlainString(), SettlementMethod.allowedText(s.total()));
		}
		String ref = reference == null ? "" : reference.trim();
		if (ref.isEmpty() && m != SettlementMethod.NONE) {
			v.field("reference", "error.required");
		} else if (ref.length() > 200) {
			v.field("reference", "statement.tooLong", 200);
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		LocalDate on = StatementInput.date(v, "date", date, today);
		v.throwIfAny();
		StatementAuditView before = StatementAuditView.of(s, false);
		s.settle(m, ref.isEmpty() ? null : ref, on, actor(), clock.instant());
		saved(s, before);
	}

	/**
	 * A correction by the manager (reason required): the dealer's month is recomputed with the statement's cut-off
	 * and becomes a new DRAFT revision; the current one is SUPERSEDED. Answers the new revision's id.
	 */
	@Transactional
	public long revise(long id, String reason) {
		Violations v = new Violations();
		StatementInput.text(v, "reason", reason, 2000, true);
		v.throwIfAny();
		queries.visible(id);
		return revise(lock(id), reason.trim(), true);
	}

	/**
	 * A penalty approved after its month's statement was made: an APPROVED, SETTLED or DRAFT statement gets a new
	 * DRAFT revision at once (same computation, the penalty added as a line); a PUBLISHED one is marked (its pending
	 * penalties are listed and it cannot be approved until the manager revises it).
	 */
	@EventListener
	void on(Penalties.PenaltyApproved event) {
		repository.lockCurrent(event.month().toString(), event.dealerId())
				.filter(s -> s.status() != StatementStatus.PUBLISHED)
				.ifPresent(s -> revise(s, text.stored("statement.revision.penalty", event.penaltyId()), false));
	}

	private long revise(Statement s, String reason, boolean recompute) {
		s.requireRevisable();
		long resultId = recompute ? computation.computeDealer(YearMonth.parse(s.month()), s.dealerId(), s.cutoff())
				: s.assessmentResultId();
		StatementAuditView before = StatementAuditView.of(s, false);
		BigDecimal settled = repository.settled(s.month(), s.dealerId());
		Statement.Computation c = queries.computation(resultId);
		Statement next = s.revise(reason, c, dealer(c.dealerId()), queries.approvedPenalties(c.dealerId(), c.month()),
				settled == null ? BigDecimal.ZERO : settled, actor(), clock.instant());
		saved(s, before);
		return save(next);
	}

	private long create(Statement.Computation c, int revision, Long previousId, String reason, BigDecimal settledBefore) {
		return save(Statement.draft(c, dealer(c.dealerId()), revision, previousId, reason,
				queries.approvedPenalties(c.dealerId(), c.month()), settledBefore.setScale(2, RoundingMode.UNNECESSARY),
				actor(), clock.instant()));
	}

	/** Stores a new revision and records its creation. */
	private long save(Statement draft) {
		Statement s = repository.save(draft);
		audit.changed(Audit.CREATE, "statement", s.id(), null, StatementAuditView.of(s, true));
		return s.id();
	}

	private void saved(Statement s, StatementAuditView before) {
		store(s);
		audit.changed(Audit.UPDATE, "statement", s.id(), before, StatementAuditView.of(s, false));
	}

	/**
	 * Saves a changed statement, which publishes its events. New appeals are written first: a save merges, and a
	 * merge would replace a new appeal by an empty copy.
	 */
	private void store(Statement s) {
		repository.flush();
		repository.save(s);
	}

	private Statement lock(long id) {
		return repository.lock(id).orElseThrow(() -> new NotFoundException("statement", id));
	}

	private DealerSummary dealer(long id) {
		return dealers.byId(id).orElseThrow(() -> new NotFoundException("dealer", id));
	}

	private String actor() {
		return users.find().map(CurrentUser::username).orElse("system");
	}
}
