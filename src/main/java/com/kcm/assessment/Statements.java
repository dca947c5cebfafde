package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.kcm.audit.Audit;
import com.kcm.calendar.BusinessCalendar;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.identity.Scope;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * Monthly statements (结算单, SPEC §5.4): each a frozen snapshot of one assessment computation of a dealer's
 * month with its money lines (the support line and one line per approved penalty; the total is the sum of
 * the lines), in revisions of which one is current. Life cycle: DRAFT, PUBLISHED to the dealer (appeals
 * within the appeal period of working days), APPROVED by the manager, SETTLED by finance; a revision
 * supersedes the current one (SUPERSEDED) and starts again as a DRAFT. Wrong state answers 422.
 * See docs/assessment.md, section Statements.
 */
@Service
public class Statements {

	public static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "APPROVED", "SETTLED", "SUPERSEDED");
	public static final List<String> METHODS = List.of("PAYMENT", "DEPOSIT_DEDUCTION", "CLAIM_SETTLEMENT_DEDUCTION",
			"NONE");
	private static final BigDecimal ZERO = new BigDecimal("0.00");

	/** One money line; {@code amount} is positive for money to the dealer, negative for money owed. */
	public record Line(int lineNo, String kind, Long penaltyId, String description, BigDecimal amount) {
	}

	public record Appeal(long id, long statementId, String reason, String evidence, String status, String filedBy,
			Instant filedAt, String answer, String answeredBy, Instant answeredAt) {
	}

	/** The stored statement row (without snapshot, lines and appeals). */
	public record Row(long id, String month, long dealerId, String dealerCode, String dealerName, long regionId,
			int revision, String status, long assessmentResultId, Instant cutoff, Instant computedAt,
			BigDecimal supportAmount, BigDecimal penaltyAmount, BigDecimal netAmount, BigDecimal total,
			String revisionReason, Long previousId, String createdBy, Instant createdAt, String publishedBy,
			Instant publishedAt, Instant appealDueAt, String approvedBy, Instant approvedAt, String settledBy,
			Instant settledAt, String settlementMethod, String settlementReference, LocalDate settlementDate,
			String supersededBy, Instant supersededAt, int openAppeals) {
	}

	/** A statement with everything its page shows. */
	public record Detail(Row row, Map<String, Object> snapshot, List<Map<String, Object>> conditions, List<Line> lines,
			List<Appeal> appeals, List<Long> pendingPenaltyIds, List<Row> revisions) {
	}

	/** A page of statements. */
	public record Page(List<Row> items, int page, int size, long total) {
	}

	/** What {@code POST /statements/{month}/drafts} did. */
	public record Drafts(String month, int created, int skipped, List<Long> ids) {
	}

	private record Result(long id, long dealerId, String month, Instant cutoff, Instant computedAt, String json) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AssessmentComputation computation;
	private final DealerCatalog dealers;
	private final Policies policies;
	private final BusinessCalendar calendar;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;
	private final ConditionExplanations explanations;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	Statements(JdbcClient jdbc, JsonMapper json, AssessmentComputation computation, DealerCatalog dealers,
			Policies policies, BusinessCalendar calendar, CurrentUsers users, Audit audit, Clock clock,
			ConditionExplanations explanations, ApplicationEventPublisher events, MessageSource messages) {
		this.jdbc = jdbc;
		this.json = json;
		this.computation = computation;
		this.dealers = dealers;
		this.policies = policies;
		this.calendar = calendar;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.explanations = explanations;
		this.events = events;
		this.messages = messages;
	}

	// ---------------------------------------------------------------- drafts

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
			Long latest = jdbc.sql("select id from assessment_result where period_month = :m and dealer_id = :d "
					+ "order by computed_at desc, id desc fetch first 1 rows only").param("m", m.toString())
					.param("d", dealer.id()).query(Long.class).optional().orElse(null);
			if (latest == null) {
				throw ValidationException.of("month", "statement.noComputation", m.toString(), dealer.code());
			}
			if (current(m, dealer.id()) != null) {
				throw ValidationException.of("dealerCode", "statement.exists", dealer.code(), m.toString());
			}
			resultIds = List.of(latest);
		} else {
			resultIds = jdbc.sql("select id from (select id, dealer_id, row_number() over (partition by dealer_id "
					+ "order by computed_at desc, id desc) rn from assessment_result where period_month = :m) x "
					+ "where rn = 1 order by dealer_id").param("m", m.toString()).query(Long.class).list();
			if (resultIds.isEmpty()) {
				throw ValidationException.of("month", "statement.noComputationAll", m.toString());
			}
		}
		Set<Long> withStatement = new HashSet<>(jdbc.sql("select dealer_id from statement where period_month = :m "
				+ "and status <> 'SUPERSEDED'").param("m", m.toString()).query(Long.class).list());
		List<Long> ids = new ArrayList<>();
		int skipped = 0;
		for (long resultId : resultIds) {
			Result r = result(resultId);
			if (withStatement.contains(r.dealerId())) {
				skipped++;
				continue;
			}
			ids.add(build(r, 1, null, null, ZERO));
		}
		audit.event("DRAFTS", "statement", m.toString(), ids.size() + " created, " + skipped + " skipped");
		return new Drafts(m.toString(), ids.size(), skipped, ids);
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Page list(String month, String dealerCode, String status, int page, int size) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (month != null && !month.isBlank()) {
			where.append(" and s.period_month = :m");
			params.put("m", Months.parse(month, "month").toString());
		}
		if (dealerCode != null && !dealerCode.isBlank()) {
			where.append(" and s.dealer_id = :d");
			params.put("d", dealers.byCode(dealerCode.trim()).map(DealerSummary::id).orElse(-1L));
		}
		if (status != null && !status.isBlank()) {
			String st = status.trim().toUpperCase(Locale.ROOT);
			if (!STATUSES.contains(st)) {
				throw ValidationException.of("status", "statement.status.invalid", status);
			}
			where.append(" and s.status = :st");
			params.put("st", st);
		} else {
			where.append(" and s.status <> 'SUPERSEDED'");
		}
		where.append(visibility(params));
		int p = Math.max(page, 0);
		int n = Math.min(Math.max(size, 1), 200);
		long total = jdbc.sql("select count(*) from statement s" + where).params(params).query(Long.class).single();
		List<Row> items = jdbc.sql(SELECT + where + " order by s.period_month desc, s.dealer_code, s.revision desc "
				+ "offset " + ((long) p * n) + " rows fetch next " + n + " rows only").params(params).query(this::mapRow)
				.list();
		return new Page(items, p, n, total);
	}

	/** A statement the caller may see, with its snapshot, lines, appeals and the other revisions; 404 otherwise. */
	@Transactional(readOnly = true)
	public Detail detail(long id) {
		Row row = visible(id);
		String snapshotJson = jdbc.sql("select snapshot from statement where id = :id").param("id", id)
				.query(String.class).single();
		Map<String, Object> snapshot = json.readValue(snapshotJson, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		explanations.addTo(snapshot);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> conditions = (List<Map<String, Object>>) snapshot.getOrDefault("conditions", List.of());
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("m", row.month());
		params.put("d", row.dealerId());
		List<Row> revisions = jdbc.sql(SELECT + " where s.period_month = :m and s.dealer_id = :d" + visibility(params)
				+ " order by s.revision desc").params(params).query(this::mapRow).list();
		return new Detail(row, snapshot, conditions, lines(id), appeals(id), pendingPenalties(row), revisions);
	}

	/** A statement the caller may see (the row only); 404 and an audit entry otherwise. */
	@Transactional(readOnly = true)
	public Row visible(long id) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", id);
		return jdbc.sql(SELECT + " where s.id = :id" + visibility(params)).params(params).query(this::mapRow).optional()
				.orElseThrow(() -> {
					if (jdbc.sql("select count(*) from statement where id = :id").param("id", id).query(Long.class)
							.single() > 0) {
						audit.notVisible("statement", id);
					}
					return new NotFoundException("statement", id);
				});
	}

	/** The statement of an appeal, if the caller may see it. */
	@Transactional(readOnly = true)
	public long statementOfAppeal(long appealId) {
		Long id = jdbc.sql("select statement_id from statement_appeal where id = :id").param("id", appealId)
				.query(Long.class).optional().orElseThrow(() -> new NotFoundException("appeal", appealId));
		visible(id);
		return id;
	}

	// ---------------------------------------------------------------- transitions

	/** DRAFT → PUBLISHED: the dealer sees it and may appeal until the appeal deadline (policy working days). */
	@Transactional
	public Row publish(long id) {
		Row before = visible(id);
		requireStatus(before, "DRAFT", "statement.notDraft");
		Instant now = clock.instant();
		int days = policies.intAt(PolicyName.APPEAL_WORKING_DAYS, now);
		Instant due = calendar.workingDayDeadline(now, days).at();
		transition(before, "update statement set status = 'PUBLISHED', published_by = :by, published_at = :at, "
				+ "appeal_due_at = :due where id = :id and status = 'DRAFT'", Map.of("due", Months.utc(due)));
		events.publishEvent(new StatementPublished(id, before.dealerId(), before.month(), before.revision(),
				before.total(), due));
		return visible(id);
	}

	/** Publishes every DRAFT of the month (each as {@link #publish}); answers how many. */
	@Transactional
	public int publishAll(String month) {
		YearMonth m = Months.parse(month, "month");
		List<Long> ids = jdbc.sql("select id from statement where period_month = :m and status = 'DRAFT' order by dealer_code")
				.param("m", m.toString()).query(Long.class).list();
		ids.forEach(this::publish);
		return ids.size();
	}

	/** The dealer appeals a published statement within the appeal period; answers the appeal's id. */
	@Transactional
	public long appeal(long id, String reason, String evidence) {
		Row s = visible(id);
		Violations v = new Violations();
		if (reason == null || reason.isBlank()) {
			v.field("reason", "error.required");
		} else if (reason.length() > 4000) {
			v.field("reason", "statement.tooLong", 4000);
		}
		if (evidence != null && evidence.length() > 4000) {
			v.field("evidence", "statement.tooLong", 4000);
		}
		v.throwIfAny();
		requireStatus(s, "PUBLISHED", "statement.notPublished");
		Instant now = clock.instant();
		if (now.isAfter(s.appealDueAt())) {
			throw ValidationException.of("appealDueAt", "statement.appeal.late", local(s.appealDueAt()));
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into statement_appeal (statement_id, reason, evidence, status, filed_by, filed_at) "
				+ "values (:s, :r, :e, 'OPEN', :by, :at)").param("s", id).param("r", reason.trim())
				.param("e", evidence == null || evidence.isBlank() ? null : evidence.trim()).param("by", actor())
				.param("at", Months.utc(now)).update(keys, "id");
		long appealId = keys.getKey().longValue();
		audit.changed(Audit.CREATE, "statement_appeal", appealId, null, appealSnapshot(appealId));
		return appealId;
	}

	/**
	 * The manager answers an appeal. When the last open appeal of the statement is answered and at least one
	 * was accepted, the dealer's month is recomputed with the statement's cut-off into a new DRAFT revision;
	 * answers its id (or null).
	 */
	@Transactional
	public Long answer(long appealId, String decision, String answer) {
		long statementId = statementOfAppeal(appealId);
		Row s = visible(statementId);
		Violations v = new Violations();
		String d = decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT);
		if (!d.equals("ACCEPTED") && !d.equals("REJECTED")) {
			v.field("decision", decision == null || decision.isBlank() ? "error.required" : "statement.decision.invalid");
		}
		if (answer == null || answer.isBlank()) {
			v.field("answer", "error.required");
		} else if (answer.length() > 4000) {
			v.field("answer", "statement.tooLong", 4000);
		}
		v.throwIfAny();
		Map<String, Object> before = appealSnapshot(appealId);
		if (!"OPEN".equals(before.get("status"))) {
			throw new DomainException("statement.appeal.answered");
		}
		requireStatus(s, "PUBLISHED", "statement.notPublished");
		int n = jdbc.sql("update statement_appeal set status = :st, answer = :a, answered_by = :by, answered_at = :at "
				+ "where id = :id and status = 'OPEN'").param("st", d).param("a", answer.trim()).param("by", actor())
				.param("at", Months.utc(clock.instant())).param("id", appealId).update();
		if (n != 1) {
			throw new DomainException("statement.appeal.answered");
		}
		audit.changed(Audit.UPDATE, "statement_appeal", appealId, before, appealSnapshot(appealId));
		List<Appeal> all = appeals(statementId);
		boolean open = all.stream().anyMatch(a -> a.status().equals("OPEN"));
		List<String> accepted = all.stream().filter(a -> a.status().equals("ACCEPTED")).map(a -> "#" + a.id()).toList();
		if (open || accepted.isEmpty()) {
			return null;
		}
		return revise(row(statementId), zh("statement.revision.appeal", String.join(", ", accepted)), true);
	}

	/** PUBLISHED → APPROVED: after the appeal period, with every appeal answered and no approved penalty missing. */
	@Transactional
	public Row approve(long id) {
		Row s = visible(id);
		requireStatus(s, "PUBLISHED", "statement.notPublished");
		if (s.openAppeals() > 0) {
			throw new DomainException("statement.appealOpen", s.openAppeals());
		}
		if (!clock.instant().isAfter(s.appealDueAt())) {
			throw new DomainException("statement.appealPeriodOpen", local(s.appealDueAt()));
		}
		List<Long> pending = pendingPenalties(s);
		if (!pending.isEmpty()) {
			throw new DomainException("statement.penaltyPending",
					String.join(", ", pending.stream().map(x -> "#" + x).toList()));
		}
		transition(s, "update statement set status = 'APPROVED', approved_by = :by, approved_at = :at "
				+ "where id = :id and status = 'PUBLISHED'", Map.of());
		return visible(id);
	}

	/**
	 * APPROVED → SETTLED by finance: a positive total is paid ({@code PAYMENT}), a negative one deducted from the
	 * deposit or the claim settlement, a zero total settles with {@code NONE}; reference (except for NONE) and
	 * date (not in the future) are recorded.
	 */
	@Transactional
	public Row settle(long id, String method, String reference, String date) {
		Row s = visible(id);
		Violations v = new Violations();
		String m = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
		int sign = s.total().signum();
		List<String> allowed = sign > 0 ? List.of("PAYMENT")
				: sign < 0 ? List.of("DEPOSIT_DEDUCTION", "CLAIM_SETTLEMENT_DEDUCTION") : List.of("NONE");
		if (m.isEmpty()) {
			v.field("method", "error.required");
		} else if (!allowed.contains(m)) {
			v.field("method", "statement.method.invalid", s.total().toPlainString(), String.join(", ", allowed));
		}
		String ref = reference == null ? "" : reference.trim();
		if (ref.isEmpty() && !m.equals("NONE")) {
			v.field("reference", "error.required");
		} else if (ref.length() > 200) {
			v.field("reference", "statement.tooLong", 200);
		}
		LocalDate on = null;
		if (date == null || date.isBlank()) {
			v.field("date", "error.required");
		} else {
			try {
				on = LocalDate.parse(date.trim());
				if (on.isAfter(LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE))) {
					v.field("date", "statement.date.future");
				}
			} catch (DateTimeParseException e) {
				v.field("date", "statement.date.invalid", date);
			}
		}
		v.throwIfAny();
		requireStatus(s, "APPROVED", "statement.notApproved");
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("method", m);
		extra.put("ref", ref.isEmpty() ? null : ref);
		extra.put("on", on);
		transition(s, "update statement set status = 'SETTLED', settled_by = :by, settled_at = :at, "
				+ "settlement_method = :method, settlement_reference = :ref, settlement_date = :on "
				+ "where id = :id and status = 'APPROVED'", extra);
		return visible(id);
	}

	/**
	 * A correction by the manager (reason required): the dealer's month is recomputed with the statement's cut-off
	 * and becomes a new DRAFT revision; the current one is SUPERSEDED. Answers the new revision's id.
	 */
	@Transactional
	public long revise(long id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw ValidationException.of("reason", "error.required");
		}
		if (reason.length() > 2000) {
			throw ValidationException.of("reason", "statement.tooLong", 2000);
		}
		return revise(visible(id), reason.trim(), true);
	}

	/**
	 * A penalty approved after its month's statement was made: an APPROVED, SETTLED or DRAFT statement gets a new
	 * DRAFT revision at once (same computation, the penalty added as a line); a PUBLISHED one is marked (its
	 * pending penalties are listed and it cannot be approved until the manager revises it).
	 */
	@EventListener
	void on(Penalties.PenaltyApproved event) {
		Long id = current(event.month(), event.dealerId());
		if (id == null) {
			return;
		}
		Row s = row(id);
		if (s.status().equals("PUBLISHED")) {
			return;
		}
		revise(s, zh("statement.revision.penalty", event.penaltyId()), false);
	}

	/** The text of a money line in the reader's language. */
	public String lineText(Line l) {
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String key = switch (l.kind()) {
		case "SUPPORT" -> l.amount().signum() > 0 ? "statement.line.SUPPORT.earned" : "statement.line.SUPPORT.none";
		default -> "statement.line." + l.kind();
		};
		return messages.getMessage(key, new Object[] { l.description(), l.penaltyId() == null ? "" : "#" + l.penaltyId() },
				key, locale);
	}

	// ---------------------------------------------------------------- internals

	private long revise(Row s, String reason, boolean recompute) {
		if (s.status().equals("SUPERSEDED")) {
			throw new DomainException("statement.superseded");
		}
		if (s.openAppeals() > 0) {
			throw new DomainException("statement.appealOpen", s.openAppeals());
		}
		YearMonth m = YearMonth.parse(s.month());
		long resultId = recompute ? computation.computeDealer(m, s.dealerId(), s.cutoff()) : s.assessmentResultId();
		transition(s, "update statement set status = 'SUPERSEDED', superseded_by = :by, superseded_at = :at "
				+ "where id = :id and status = :old", Map.of("old", s.status()));
		BigDecimal settledBefore = jdbc.sql("select coalesce(sum(total_amount), 0) from statement "
				+ "where period_month = :m and dealer_id = :d and settled_at is not null").param("m", s.month())
				.param("d", s.dealerId()).query(BigDecimal.class).single();
		return build(result(resultId), s.revision() + 1, s.id(), reason, settledBefore.setScale(2, RoundingMode.UNNECESSARY));
	}

	/** Stores a DRAFT statement from a computation: snapshot, support line, penalty lines, the amount settled before. */
	private long build(Result r, int revision, Long previousId, String reason, BigDecimal settledBefore) {
		DealerSummary dealer = dealers.byId(r.dealerId()).orElseThrow(() -> new NotFoundException("dealer", r.dealerId()));
		Map<String, Object> snapshot = json.readValue(r.json(), new TypeReference<LinkedHashMap<String, Object>>() {
		});
		BigDecimal support = new BigDecimal(String.valueOf(snapshot.get("supportAmount"))).setScale(2,
				RoundingMode.UNNECESSARY);
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(1, "SUPPORT", null, dealer.type().code(), support));
		List<Line> penalties = jdbc.sql("select id, amount, reason from penalty where dealer_id = :d and period_month = :m "
				+ "and status = 'APPROVED' order by approved_at, id").param("d", r.dealerId()).param("m", r.month())
				.query((rs, i) -> new Line(0, "PENALTY", rs.getLong("id"), rs.getString("reason"),
						rs.getBigDecimal("amount").setScale(2, RoundingMode.UNNECESSARY).negate()))
				.list();
		BigDecimal penaltyTotal = ZERO;
		for (Line p : penalties) {
			lines.add(new Line(lines.size() + 1, p.kind(), p.penaltyId(), p.description(), p.amount()));
			penaltyTotal = penaltyTotal.subtract(p.amount());
		}
		if (settledBefore.signum() != 0) {
			lines.add(new Line(lines.size() + 1, "SETTLED_BEFORE", null, settledBefore.toPlainString(),
					settledBefore.negate()));
		}
		BigDecimal total = total(lines);
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into statement (period_month, dealer_id, dealer_code, dealer_name, region_id, revision, status, "
				+ "assessment_result_id, cutoff, computed_at, snapshot, support_amount, penalty_amount, net_amount, "
				+ "total_amount, revision_reason, previous_id, created_by, created_at) values (:m, :d, :dc, :dn, :rg, :rev, "
				+ "'DRAFT', :res, :cut, :cat, :snap, :sup, :pen, :net, :tot, :reason, :prev, :by, :at)")
				.param("m", r.month()).param("d", dealer.id()).param("dc", dealer.code()).param("dn", dealer.name())
				.param("rg", dealer.regionId()).param("rev", revision).param("res", r.id())
				.param("cut", Months.utc(r.cutoff())).param("cat", Months.utc(r.computedAt())).param("snap", r.json())
				.param("sup", support).param("pen", penaltyTotal).param("net", support.subtract(penaltyTotal))
				.param("tot", total).param("reason", reason).param("prev", previousId).param("by", actor())
				.param("at", Months.utc(now)).update(keys, "id");
		long id = keys.getKey().longValue();
		for (Line l : lines) {
			jdbc.sql("insert into statement_line (statement_id, line_no, kind, penalty_id, description, amount) "
					+ "values (:s, :n, :k, :p, :d, :a)").param("s", id).param("n", l.lineNo()).param("k", l.kind())
					.param("p", l.penaltyId()).param("d", l.description() == null ? "" : l.description())
					.param("a", l.amount()).update();
		}
		audit.changed(Audit.CREATE, "statement", id, null, auditView(row(id), lines));
		return id;
	}

	/** The total of a statement: the sum of its lines, scale 2. */
	static BigDecimal total(List<Line> lines) {
		return lines.stream().map(Line::amount).reduce(ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
	}

	private void transition(Row before, String sql, Map<String, Object> extra) {
		Map<String, Object> params = new LinkedHashMap<>(extra);
		params.put("by", actor());
		params.put("at", Months.utc(clock.instant()));
		params.put("id", before.id());
		int n = jdbc.sql(sql).params(params).update();
		if (n != 1) {
			throw new DomainException("statement.changed");
		}
		audit.changed(Audit.UPDATE, "statement", before.id(), auditView(before, null), auditView(row(before.id()), null));
	}

	private static void requireStatus(Row s, String status, String code) {
		if (!s.status().equals(status)) {
			throw new DomainException(code, s.status());
		}
	}

	private Long current(YearMonth m, long dealerId) {
		return jdbc.sql("select id from statement where period_month = :m and dealer_id = :d and status <> 'SUPERSEDED'")
				.param("m", m.toString()).param("d", dealerId).query(Long.class).optional().orElse(null);
	}

	private Result result(long id) {
		return jdbc.sql("select id, dealer_id, period_month, cutoff, computed_at, result from assessment_result "
				+ "where id = :id").param("id", id)
				.query((rs, n) -> new Result(rs.getLong("id"), rs.getLong("dealer_id"), rs.getString("period_month"),
						instant(rs, "cutoff"), instant(rs, "computed_at"), rs.getString("result")))
				.single();
	}

	List<Line> lines(long statementId) {
		return jdbc.sql("select line_no, kind, penalty_id, description, amount from statement_line "
				+ "where statement_id = :s order by line_no").param("s", statementId)
				.query((rs, n) -> new Line(rs.getInt("line_no"), rs.getString("kind"),
						rs.getObject("penalty_id") == null ? null : rs.getLong("penalty_id"), rs.getString("description"),
						rs.getBigDecimal("amount").setScale(2, RoundingMode.UNNECESSARY)))
				.list();
	}

	private List<Appeal> appeals(long statementId) {
		return jdbc.sql("select * from statement_appeal where statement_id = :s order by filed_at, id")
				.param("s", statementId).query((rs, n) -> appeal(rs)).list();
	}

	private static Appeal appeal(ResultSet rs) throws SQLException {
		return new Appeal(rs.getLong("id"), rs.getLong("statement_id"), rs.getString("reason"), rs.getString("evidence"),
				rs.getString("status"), rs.getString("filed_by"), instant(rs, "filed_at"), rs.getString("answer"),
				rs.getString("answered_by"), instant(rs, "answered_at"));
	}

	private Map<String, Object> appealSnapshot(long appealId) {
		Appeal a = jdbc.sql("select * from statement_appeal where id = :id").param("id", appealId)
				.query((rs, n) -> appeal(rs)).optional().orElseThrow(() -> new NotFoundException("appeal", appealId));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("statementId", a.statementId());
		m.put("status", a.status());
		m.put("reason", a.reason());
		m.put("evidence", a.evidence());
		m.put("answer", a.answer());
		m.put("answeredBy", a.answeredBy());
		return m;
	}

	/** Approved penalties of the month that are not lines of the statement (approved after it was made). */
	private List<Long> pendingPenalties(Row s) {
		if (s.status().equals("SUPERSEDED")) {
			return List.of();
		}
		return jdbc.sql("select p.id from penalty p where p.dealer_id = :d and p.period_month = :m and p.status = 'APPROVED' "
				+ "and not exists (select 1 from statement_line l where l.statement_id = :s and l.penalty_id = p.id) "
				+ "order by p.id").param("d", s.dealerId()).param("m", s.month()).param("s", s.id()).query(Long.class)
				.list();
	}

	/**
	 * What the caller may see: a dealer user its own dealer's published statements, a regional user its region's
	 * published ones, after-sales everything, finance the approved ones; anybody else nothing.
	 */
	private String visibility(Map<String, Object> params) {
		CurrentUser u = users.find().orElse(null);
		if (u == null) {
			return "";
		}
		Scope scope = u.scope();
		if (scope.dealerId() != null) {
			params.put("vd", scope.dealerId());
			return " and s.dealer_id = :vd and s.published_at is not null";
		}
		if (scope.regionId() != null) {
			params.put("vr", scope.regionId());
			return " and s.region_id = :vr and s.published_at is not null";
		}
		if (u.hasAny(Role.ADMIN, Role.AFTER_SALES_MANAGER, Role.AFTER_SALES)) {
			return "";
		}
		if (u.has(Role.FINANCE)) {
			return " and s.approved_at is not null";
		}
		return " and 1 = 0";
	}

	private static final String SELECT = "select s.id, s.period_month, s.dealer_id, s.dealer_code, s.dealer_name, "
			+ "s.region_id, s.revision, s.status, s.assessment_result_id, s.cutoff, s.computed_at, s.support_amount, "
			+ "s.penalty_amount, s.net_amount, s.total_amount, s.revision_reason, s.previous_id, s.created_by, "
			+ "s.created_at, s.published_by, s.published_at, s.appeal_due_at, s.approved_by, s.approved_at, "
			+ "s.settled_by, s.settled_at, s.settlement_method, s.settlement_reference, s.settlement_date, "
			+ "s.superseded_by, s.superseded_at, (select count(*) from statement_appeal a where a.statement_id = s.id "
			+ "and a.status = 'OPEN') open_appeals from statement s";

	private Row row(long id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(this::mapRow).optional()
				.orElseThrow(() -> new NotFoundException("statement", id));
	}

	private Row mapRow(ResultSet rs, int n) throws SQLException {
		java.sql.Date settledOn = rs.getDate("settlement_date");
		return new Row(rs.getLong("id"), rs.getString("period_month"), rs.getLong("dealer_id"),
				rs.getString("dealer_code"), rs.getString("dealer_name"), rs.getLong("region_id"), rs.getInt("revision"),
				rs.getString("status"), rs.getLong("assessment_result_id"), instant(rs, "cutoff"),
				instant(rs, "computed_at"), money(rs, "support_amount"), money(rs, "penalty_amount"),
				money(rs, "net_amount"), money(rs, "total_amount"), rs.getString("revision_reason"),
				rs.getObject("previous_id") == null ? null : rs.getLong("previous_id"), rs.getString("created_by"),
				instant(rs, "created_at"), rs.getString("published_by"), instant(rs, "published_at"),
				instant(rs, "appeal_due_at"), rs.getString("approved_by"), instant(rs, "approved_at"),
				rs.getString("settled_by"), instant(rs, "settled_at"), rs.getString("settlement_method"),
				rs.getString("settlement_reference"), settledOn == null ? null : settledOn.toLocalDate(),
				rs.getString("superseded_by"), instant(rs, "superseded_at"), rs.getInt("open_appeals"));
	}

	private static BigDecimal money(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column).setScale(2, RoundingMode.UNNECESSARY);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private Map<String, Object> auditView(Row r, List<Line> lines) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("month", r.month());
		m.put("dealer", r.dealerCode());
		m.put("revision", r.revision());
		m.put("status", r.status());
		m.put("total", r.total());
		if (r.revisionReason() != null) {
			m.put("revisionReason", r.revisionReason());
		}
		if (r.settlementMethod() != null) {
			m.put("settlement", r.settlementMethod() + " " + (r.settlementReference() == null ? "" : r.settlementReference())
					+ " " + r.settlementDate());
		}
		if (lines != null) {
			m.put("lines", lines.stream().map(l -> l.kind() + (l.penaltyId() == null ? "" : " #" + l.penaltyId()) + " "
					+ l.amount().toPlainString()).toList());
		}
		return m;
	}

	static String local(Instant t) {
		return t == null ? null
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
						.format(t.atZone(TimeConfig.BUSINESS_ZONE));
	}

	/** A stored text (revision reasons are part of the frozen document, in Chinese). */
	private String zh(String code, Object... args) {
		return messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE);
	}

	private String actor() {
		return users.find().map(CurrentUser::username).orElse("system");
	}
}
