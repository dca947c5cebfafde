package com.kcm.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import com.kcm.shared.TimeConfig;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Monthly statements under {@code /api/v1/statements}: drafts, list and detail, publish, appeals and their
 * answers, approval, settlement and revisions (docs/assessment.md). A wrong role answers 403, a wrong state
 * 422, a statement the caller may not see 404.
 */
@RestController
@RequestMapping("/api/v1/statements")
@Tag(name = "Statements", description = "月度结算单: draft, publish, appeal, answer, approve, settle, revise (docs/assessment.md)")
class StatementApi {

	static final String READERS = "hasAnyRole('AFTER_SALES', 'FINANCE', 'DEALER', 'REGIONAL')";

	record DraftRequest(String dealerCode) {
	}

	record AppealRequest(String reason, String evidence) {
	}

	/** An appeal's answer: a code that is no appeal status is refused with 422 naming {@code decision} (case ignored). */
	record AnswerRequest(@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) AppealStatus decision,
			String answer) {
	}

	record SettleRequest(String method, String reference, String date) {
	}

	record RevisionRequest(String reason) {
	}

	/** {@code POST /statements/{month}/drafts/publish}. */
	record StatementsPublished(String month, int published) {
	}

	/** A page of statements. */
	record StatementPage(List<StatementSummary> items, int page, int size, long total) {
	}

	/** A statement as lists show it; instants ISO-8601 with the +08:00 offset. */
	record StatementSummary(long id, String month, String dealerCode, String dealerName, int revision,
			StatementStatus status, BigDecimal supportAmount, BigDecimal penaltyAmount, BigDecimal netAmount, BigDecimal total, int openAppeals,
			String revisionReason, Long previousId, String createdBy, String createdAt, String publishedBy,
			String publishedAt, String appealDueAt, String approvedBy, String approvedAt, String settledBy,
			String settledAt, SettlementMethod settlementMethod, String settlementReference, String settlementDate,
			String supersededBy, String supersededAt) {

		static StatementSummary of(StatementQueries.Row r) {
			return new StatementSummary(r.id(), r.month(), r.dealerCode(), r.dealerName(), r.revision(), r.status(),
					r.supportAmount(), r.penaltyAmount(), r.netAmount(), r.total(), r.openAppeals(), r.revisionReason(),
					r.previousId(), r.createdBy(), time(r.createdAt()), r.publishedBy(), time(r.publishedAt()),
					time(r.appealDueAt()), r.approvedBy(), time(r.approvedAt()), r.settledBy(), time(r.settledAt()),
					r.settlementMethod(), r.settlementReference(),
					r.settlementDate() == null ? null : r.settlementDate().toString(), r.supersededBy(),
					time(r.supersededAt()));
		}
	}

	/**
	 * One statement: the summary, the frozen computation (indicators and conditions as stored, each condition with
	 * its explanation), the lines, the pending penalties, the appeals and the revisions of the month.
	 */
	record StatementDetail(@JsonUnwrapped StatementSummary summary, String assessmentCutoff, String computedAt,
			Map<String, Object> indicators, Object countedTowardLimit, Object limit,
			List<Map<String, Object>> conditions, List<StatementLineView> lines, List<Long> pendingPenaltyIds,
			List<StatementAppealView> appeals,
			List<StatementRevision> revisions) {
	}

	record StatementLineView(int lineNo, LineKind kind, Long penaltyId, String text, BigDecimal amount) {
	}

	record StatementAppealView(long id, AppealStatus status, String reason, String evidence, String filedBy,
			String filedAt, String answer, String answeredBy, String answeredAt) {
	}

	record StatementRevision(long id, int revision, StatementStatus status) {
	}

	/** {@code POST /statements/{id}/appeals}. */
	record AppealFiled(long id, long statementId, AppealStatus status) {
	}

	/** {@code POST /statements/appeals/{appealId}/answer}: the new draft revision's id, or null. */
	record AppealAnswer(long id, AppealStatus status, Long revisionId) {
	}

	/** The snapshot keys that the answer shows apart from the indicators. */
	private static final List<String> NOT_INDICATORS = List.of("dealerCode", "month", "cutoff", "conditions",
			"supportAmount", "penaltyAmount", "netAmount", "limit", "countedTowardLimit");

	private final Statements statements;
	private final StatementQueries queries;
	private final StatementText text;

	StatementApi(Statements statements, StatementQueries queries, StatementText text) {
		this.statements = statements;
		this.queries = queries;
		this.text = text;
	}

	@Operation(summary = "Create draft statements of a month from the latest computation (AFTER_SALES); dealerCode optional")
	@PostMapping("/{month}/drafts")
	@PreAuthorize("hasRole('AFTER_SALES')")
	@ResponseStatus(HttpStatus.CREATED)
	Statements.Drafts drafts(@PathVariable String month, @RequestParam(required = false) String dealerCode,
			@RequestBody(required = false) DraftRequest body) {
		String code = dealerCode != null ? dealerCode : body == null ? null : body.dealerCode();
		return statements.createDrafts(month, code);
	}

	@Operation(summary = "Publish every draft of a month to its dealer (AFTER_SALES)")
	@PostMapping("/{month}/drafts/publish")
	@PreAuthorize("hasRole('AFTER_SALES')")
	StatementsPublished publishAll(@PathVariable String month) {
		int n = statements.publishAll(month);
		return new StatementsPublished(Months.parse(month, "month").toString(), n);
	}

	@Operation(summary = "List statements, paged; current revisions unless status is given (dealers: own published ones)")
	@GetMapping
	@PreAuthorize(READERS)
	StatementPage list(@RequestParam(required = false) String month, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		StatementQueries.Page p = queries.list(month, dealerCode, status, page, size);
		return new StatementPage(p.items().stream().map(StatementSummary::of).toList(), p.page(), p.size(), p.total());
	}

	@Operation(summary = "One statement: snapshot, conditions with explanations, lines, total, appeals, revisions")
	@GetMapping("/{id}")
	@PreAuthorize(READERS)
	StatementDetail get(@PathVariable long id) {
		return detail(id);
	}

	@Operation(summary = "Publish a draft to the dealer (AFTER_SALES); sets the appeal deadline")
	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('AFTER_SALES')")
	StatementDetail publish(@PathVariable long id) {
		statements.publish(id);
		return detail(id);
	}

	@Operation(summary = "File an appeal with reason and evidence before the deadline (DEALER)")
	@PostMapping("/{id}/appeals")
	@PreAuthorize("hasRole('DEALER')")
	@ResponseStatus(HttpStatus.CREATED)
	AppealFiled appeal(@PathVariable long id, @RequestBody AppealRequest r) {
		return new AppealFiled(statements.appeal(id, r.reason(), r.evidence()), id, AppealStatus.OPEN);
	}

	@Operation(summary = "Answer an appeal ACCEPTED or REJECTED (AFTER_SALES_MANAGER); accepted ones recompute into a new draft revision")
	@PostMapping("/appeals/{appealId}/answer")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	AppealAnswer answer(@PathVariable long appealId, @RequestBody AnswerRequest r) {
		Statements.Answered a = statements.answer(appealId, r.decision() == null ? null : r.decision().name(),
				r.answer());
		return new AppealAnswer(appealId, a.decision(), a.revisionId());
	}

	@Operation(summary = "Approve after the appeal period with no open appeal (AFTER_SALES_MANAGER)")
	@PostMapping("/{id}/approve")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	StatementDetail approve(@PathVariable long id) {
		statements.approve(id);
		return detail(id);
	}

	@Operation(summary = "Record payment or deduction: method, reference, date (FINANCE)")
	@PostMapping("/{id}/settle")
	@PreAuthorize("hasRole('FINANCE')")
	StatementDetail settle(@PathVariable long id, @RequestBody SettleRequest r) {
		statements.settle(id, r.method(), r.reference(), r.date());
		return detail(id);
	}

	@Operation(summary = "Revise with a reason: recompute into a new draft revision (AFTER_SALES_MANAGER)")
	@PostMapping("/{id}/revisions")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	@ResponseStatus(HttpStatus.CREATED)
	StatementDetail revise(@PathVariable long id, @RequestBody(required = false) RevisionRequest r) {
		return detail(statements.revise(id, r == null ? null : r.reason()));
	}

	private StatementDetail detail(long id) {
		StatementQueries.Detail d = queries.detail(id);
		Map<String, Object> indicators = new LinkedHashMap<>(d.snapshot());
		NOT_INDICATORS.forEach(indicators::remove);
		List<StatementLineView> lines = d.lines().stream()
				.map(l -> new StatementLineView(l.lineNo(), l.kind(), l.penaltyId(), text.line(l), l.amount())).toList();
		List<StatementAppealView> appeals = d.appeals().stream()
				.map(a -> new StatementAppealView(a.id(), a.status(), a.reason(), a.evidence(), a.filedBy(),
						time(a.filedAt()), a.answer(), a.answeredBy(), time(a.answeredAt())))
				.toList();
		return new StatementDetail(StatementSummary.of(d.row()), time(d.row().cutoff()), time(d.row().computedAt()),
				indicators, d.snapshot().get("countedTowardLimit"), d.snapshot().get("limit"), d.conditions(), lines,
				d.pendingPenaltyIds(), appeals,
				d.revisions().stream().map(r -> new StatementRevision(r.id(), r.revision(), r.status())).toList());
	}

	static String time(Instant t) {
		return t == null ? null
				: java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
						.format(OffsetDateTime.ofInstant(t, TimeConfig.BUSINESS_ZONE));
	}
}
