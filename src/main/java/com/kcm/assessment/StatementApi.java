package com.kcm.assessment;

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

	record AnswerRequest(String decision, String answer) {
	}

	record SettleRequest(String method, String reference, String date) {
	}

	record RevisionRequest(String reason) {
	}

	private final Statements statements;

	StatementApi(Statements statements) {
		this.statements = statements;
	}

	@Operation(summary = "Create draft statements of a month from the latest computation (AFTER_SALES); dealerCode optional")
	@PostMapping("/{month}/drafts")
	@PreAuthorize("hasRole('AFTER_SALES')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> drafts(@PathVariable String month, @RequestParam(required = false) String dealerCode,
			@RequestBody(required = false) DraftRequest body) {
		String code = dealerCode != null ? dealerCode : body == null ? null : body.dealerCode();
		Statements.Drafts d = statements.createDrafts(month, code);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("month", d.month());
		a.put("created", d.created());
		a.put("skipped", d.skipped());
		a.put("ids", d.ids());
		return a;
	}

	@Operation(summary = "Publish every draft of a month to its dealer (AFTER_SALES)")
	@PostMapping("/{month}/drafts/publish")
	@PreAuthorize("hasRole('AFTER_SALES')")
	Map<String, Object> publishAll(@PathVariable String month) {
		int n = statements.publishAll(month);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("month", Months.parse(month, "month").toString());
		a.put("published", n);
		return a;
	}

	@Operation(summary = "List statements, paged; current revisions unless status is given (dealers: own published ones)")
	@GetMapping
	@PreAuthorize(READERS)
	Map<String, Object> list(@RequestParam(required = false) String month,
			@RequestParam(required = false) String dealerCode, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Statements.Page p = statements.list(month, dealerCode, status, page, size);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("items", p.items().stream().map(StatementApi::summary).toList());
		a.put("page", p.page());
		a.put("size", p.size());
		a.put("total", p.total());
		return a;
	}

	@Operation(summary = "One statement: snapshot, conditions with explanations, lines, total, appeals, revisions")
	@GetMapping("/{id}")
	@PreAuthorize(READERS)
	Map<String, Object> get(@PathVariable long id) {
		return detail(id);
	}

	@Operation(summary = "Publish a draft to the dealer (AFTER_SALES); sets the appeal deadline")
	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('AFTER_SALES')")
	Map<String, Object> publish(@PathVariable long id) {
		statements.publish(id);
		return detail(id);
	}

	@Operation(summary = "File an appeal with reason and evidence before the deadline (DEALER)")
	@PostMapping("/{id}/appeals")
	@PreAuthorize("hasRole('DEALER')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> appeal(@PathVariable long id, @RequestBody AppealRequest r) {
		long appealId = statements.appeal(id, r.reason(), r.evidence());
		return Map.of("id", appealId, "statementId", id, "status", "OPEN");
	}

	@Operation(summary = "Answer an appeal ACCEPTED or REJECTED (AFTER_SALES_MANAGER); accepted ones recompute into a new draft revision")
	@PostMapping("/appeals/{appealId}/answer")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	Map<String, Object> answer(@PathVariable long appealId, @RequestBody AnswerRequest r) {
		Long revision = statements.answer(appealId, r.decision(), r.answer());
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("id", appealId);
		a.put("status", r.decision().trim().toUpperCase(java.util.Locale.ROOT));
		a.put("revisionId", revision);
		return a;
	}

	@Operation(summary = "Approve after the appeal period with no open appeal (AFTER_SALES_MANAGER)")
	@PostMapping("/{id}/approve")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	Map<String, Object> approve(@PathVariable long id) {
		statements.approve(id);
		return detail(id);
	}

	@Operation(summary = "Record payment or deduction: method, reference, date (FINANCE)")
	@PostMapping("/{id}/settle")
	@PreAuthorize("hasRole('FINANCE')")
	Map<String, Object> settle(@PathVariable long id, @RequestBody SettleRequest r) {
		statements.settle(id, r.method(), r.reference(), r.date());
		return detail(id);
	}

	@Operation(summary = "Revise with a reason: recompute into a new draft revision (AFTER_SALES_MANAGER)")
	@PostMapping("/{id}/revisions")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> revise(@PathVariable long id, @RequestBody(required = false) RevisionRequest r) {
		long revision = statements.revise(id, r == null ? null : r.reason());
		return detail(revision);
	}

	private Map<String, Object> detail(long id) {
		Statements.Detail d = statements.detail(id);
		Map<String, Object> a = summary(d.row());
		a.put("assessmentCutoff", time(d.row().cutoff()));
		a.put("computedAt", time(d.row().computedAt()));
		Map<String, Object> indicators = new LinkedHashMap<>(d.snapshot());
		for (String k : List.of("dealerCode", "month", "cutoff", "conditions", "supportAmount", "penaltyAmount",
				"netAmount", "limit", "countedTowardLimit")) {
			indicators.remove(k);
		}
		a.put("indicators", indicators);
		a.put("countedTowardLimit", d.snapshot().get("countedTowardLimit"));
		a.put("limit", d.snapshot().get("limit"));
		a.put("conditions", d.conditions());
		a.put("lines", d.lines().stream().map(l -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("lineNo", l.lineNo());
			m.put("kind", l.kind());
			m.put("penaltyId", l.penaltyId());
			m.put("text", statements.lineText(l));
			m.put("amount", l.amount());
			return m;
		}).toList());
		a.put("pendingPenaltyIds", d.pendingPenaltyIds());
		a.put("appeals", d.appeals().stream().map(x -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", x.id());
			m.put("status", x.status());
			m.put("reason", x.reason());
			m.put("evidence", x.evidence());
			m.put("filedBy", x.filedBy());
			m.put("filedAt", time(x.filedAt()));
			m.put("answer", x.answer());
			m.put("answeredBy", x.answeredBy());
			m.put("answeredAt", time(x.answeredAt()));
			return m;
		}).toList());
		a.put("revisions", d.revisions().stream().map(r -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", r.id());
			m.put("revision", r.revision());
			m.put("status", r.status());
			return m;
		}).toList());
		return a;
	}

	static Map<String, Object> summary(Statements.Row r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("month", r.month());
		m.put("dealerCode", r.dealerCode());
		m.put("dealerName", r.dealerName());
		m.put("revision", r.revision());
		m.put("status", r.status());
		m.put("supportAmount", r.supportAmount());
		m.put("penaltyAmount", r.penaltyAmount());
		m.put("netAmount", r.netAmount());
		m.put("total", r.total());
		m.put("openAppeals", r.openAppeals());
		m.put("revisionReason", r.revisionReason());
		m.put("previousId", r.previousId());
		m.put("createdBy", r.createdBy());
		m.put("createdAt", time(r.createdAt()));
		m.put("publishedBy", r.publishedBy());
		m.put("publishedAt", time(r.publishedAt()));
		m.put("appealDueAt", time(r.appealDueAt()));
		m.put("approvedBy", r.approvedBy());
		m.put("approvedAt", time(r.approvedAt()));
		m.put("settledBy", r.settledBy());
		m.put("settledAt", time(r.settledAt()));
		m.put("settlementMethod", r.settlementMethod());
		m.put("settlementReference", r.settlementReference());
		m.put("settlementDate", r.settlementDate() == null ? null : r.settlementDate().toString());
		m.put("supersededBy", r.supersededBy());
		m.put("supersededAt", time(r.supersededAt()));
		return m;
	}

	static String time(Instant t) {
		return t == null ? null
				: java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
						.format(OffsetDateTime.ofInstant(t, TimeConfig.BUSINESS_ZONE));
	}
}
