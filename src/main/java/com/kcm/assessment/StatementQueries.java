package com.kcm.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.identity.Scope;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;

/**
 * The read side of statements in plain SQL: the paged list, one statement with everything its page shows, and
 * who may see which (a dealer user its own dealer's published statements, a regional user its region's published
 * ones, after-sales everything, finance the approved ones). Changes go through {@link Statement}.
 */
@Component
@Transactional(readOnly = true)
class StatementQueries {

	/** One money line; {@code amount} is positive for money to the dealer, negative for money owed. */
	record Line(int lineNo, LineKind kind, Long penaltyId, String description, BigDecimal amount) {
	}

	record Appeal(long id, long statementId, String reason, String evidence, AppealStatus status, String filedBy,
			Instant filedAt, String answer, String answeredBy, Instant answeredAt) {
	}

	/** A stored statement revision (without snapshot, lines and appeals), as lists and pages show it. */
	record Row(long id, String month, long dealerId, String dealerCode, String dealerName, long regionId,
			int revision, StatementStatus status, long assessmentResultId, Instant cutoff, Instant computedAt,
			BigDecimal supportAmount, BigDecimal penaltyAmount, BigDecimal netAmount, BigDecimal total,
			String revisionReason, Long previousId, String createdBy, Instant createdAt, String publishedBy,
			Instant publishedAt, Instant appealDueAt, String approvedBy, Instant approvedAt, String settledBy,
			Instant settledAt, SettlementMethod settlementMethod, String settlementReference, LocalDate settlementDate,
			String supersededBy, Instant supersededAt, int openAppeals) {
	}

	/** A statement with everything its page shows; the snapshot is the stored computation as data. */
	record Detail(Row row, Map<String, Object> snapshot, List<Map<String, Object>> conditions, List<Line> lines,
			List<Appeal> appeals, List<Long> pendingPenaltyIds, List<Row> revisions) {
	}

	/** A page of statements. */
	record Page(List<Row> items, int page, int size, long total) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DealerCatalog dealers;
	private final CurrentUsers users;
	private final Audit audit;
	private final ConditionExplanations explanations;

	StatementQueries(JdbcClient jdbc, JsonMapper json, DealerCatalog dealers, CurrentUsers users, Audit audit,
			ConditionExplanations explanations) {
		this.jdbc = jdbc;
		this.json = json;
		this.dealers = dealers;
		this.users = users;
		this.audit = audit;
		this.explanations = explanations;
	}

	/** The statement status a filter names ({@code draft}); 422 on {@code status} when it is none. */
	static StatementStatus status(String raw) {
		String st = raw.trim().toUpperCase(Locale.ROOT);
		for (StatementStatus s : StatementStatus.values()) {
			if (s.name().equals(st)) {
				return s;
			}
		}
		throw ValidationException.of("status", "statement.status.invalid", raw);
	}

	/** Statements the caller may see, paged; without a status the current revisions (not SUPERSEDED). */
	Page list(String month, String dealerCode, String status, int page, int size) {
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
			where.append(" and s.status = :st");
			params.put("st", status(status).name());
		} else {
			where.append(" and s.status <> 'SUPERSEDED'");
		}
		where.append(visibility(params));
		int p = Math.max(page, 0);
		int n = Math.min(Math.max(size, 1), 200);
		long total = jdbc.sql("select count(*) from statement s" + where).params(params).query(Long.class).single();
		List<Row> items = jdbc.sql(SELECT + where + " order by s.period_month desc, s.dealer_code, s.revision desc "
				+ "offset " + ((long) p * n) + " rows fetch next " + n + " rows only").params(params)
				.query(StatementQueries::row).list();
		return new Page(items, p, n, total);
	}

	/** A statement the caller may see, with its snapshot, lines, appeals and the other revisions; 404 otherwise. */
	Detail detail(long id) {
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
				+ " order by s.revision desc").params(params).query(StatementQueries::row).list();
		return new Detail(row, snapshot, conditions, lines(id), appeals(id), pendingPenalties(row), revisions);
	}

	/** A statement the caller may see (the row only); 404 and an audit entry otherwise. */
	Row visible(long id) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", id);
		return jdbc.sql(SELECT + " where s.id = :id" + visibility(params)).params(params).query(StatementQueries::row)
				.optional().orElseThrow(() -> {
					if (jdbc.sql("select count(*) from statement where id = :id").param("id", id).query(Long.class)
							.single() > 0) {
						audit.notVisible("statement", id);
					}
					return new NotFoundException("statement", id);
				});
	}

	/** The statement of an appeal, if the caller may see it. */
	long statementOfAppeal(long appealId) {
		Long id = jdbc.sql("select statement_id from statement_appeal where id = :id").param("id", appealId)
				.query(Long.class).optional().orElseThrow(() -> new NotFoundException("appeal", appealId));
		visible(id);
		return id;
	}

	/** The latest computation of the dealer's month, or null. */
	Long latestComputation(YearMonth month, long dealerId) {
		return jdbc.sql("select id from assessment_result where period_month = :m and dealer_id = :d "
				+ "order by computed_at desc, id desc fetch first 1 rows only").param("m", month.toString())
				.param("d", dealerId).query(Long.class).optional().orElse(null);
	}

	/** The latest computation of the month of every computed dealer, by dealer id. */
	List<Long> latestComputations(YearMonth month) {
		return jdbc.sql("select id from (select id, dealer_id, row_number() over (partition by dealer_id "
				+ "order by computed_at desc, id desc) rn from assessment_result where period_month = :m) x "
				+ "where rn = 1 order by dealer_id").param("m", month.toString()).query(Long.class).list();
	}

	/** A stored computation as a statement freezes it. */
	Statement.Computation computation(long resultId) {
		return jdbc.sql("select id, dealer_id, period_month, cutoff, computed_at, result from assessment_result "
				+ "where id = :id").param("id", resultId).query((rs, n) -> {
					String result = rs.getString("result");
					return new Statement.Computation(rs.getLong("id"), rs.getLong("dealer_id"),
							rs.getString("period_month"), instant(rs, "cutoff"), instant(rs, "computed_at"), result,
							new BigDecimal(json.readTree(result).get("supportAmount").asString()));
				}).single();
	}

	/** The ids of the dealer's approved penalties of the month. */
	List<Long> approvedPenaltyIds(long dealerId, String month) {
		return jdbc.sql("select id from penalty where dealer_id = :d and period_month = :m and status = 'APPROVED' "
				+ "order by id").param("d", dealerId).param("m", month).query(Long.class).list();
	}

	/** The dealer's approved penalties of the month as statement lines take them, in the order of approval. */
	List<Statement.Penalty> approvedPenalties(long dealerId, String month) {
		return jdbc.sql("select id, amount, reason from penalty where dealer_id = :d and period_month = :m "
				+ "and status = 'APPROVED' order by approved_at, id").param("d", dealerId).param("m", month)
				.query((rs, i) -> new Statement.Penalty(rs.getLong("id"), rs.getString("reason"),
						rs.getBigDecimal("amount")))
				.list();
	}

	List<Line> lines(long statementId) {
		return jdbc.sql("select line_no, kind, penalty_id, description, amount from statement_line "
				+ "where statement_id = :s order by line_no").param("s", statementId)
				.query((rs, n) -> new Line(rs.getInt("line_no"), LineKind.valueOf(rs.getString("kind")),
						rs.getObject("penalty_id") == null ? null : rs.getLong("penalty_id"), rs.getString("description"),
						money(rs, "amount")))
				.list();
	}

	private List<Appeal> appeals(long statementId) {
		return jdbc.sql("select * from statement_appeal where statement_id = :s order by filed_at, id")
				.param("s", statementId)
				.query((rs, n) -> new Appeal(rs.getLong("id"), rs.getLong("statement_id"), rs.getString("reason"),
						rs.getString("evidence"), AppealStatus.valueOf(rs.getString("status")), rs.getString("filed_by"),
						instant(rs, "filed_at"), rs.getString("answer"), rs.getString("answered_by"),
						instant(rs, "answered_at")))
				.list();
	}

	/** Approved penalties of the month that are not lines of the statement (approved after it was made). */
	private List<Long> pendingPenalties(Row s) {
		if (s.status() == StatementStatus.SUPERSEDED) {
			return List.of();
		}
		return jdbc.sql("select p.id from penalty p where p.dealer_id = :d and p.period_month = :m and p.status = 'APPROVED' "
				+ "and not exists (select 1 from statement_line l where l.statement_id = :s and l.penalty_id = p.id) "
				+ "order by p.id").param("d", s.dealerId()).param("m", s.month()).param("s", s.id()).query(Long.class)
				.list();
	}

	/** The condition that limits what the caller sees (parameters added to {@code params}). */
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

	private static Row row(ResultSet rs, int n) throws SQLException {
		java.sql.Date settledOn = rs.getDate("settlement_date");
		String method = rs.getString("settlement_method");
		return new Row(rs.getLong("id"), rs.getString("period_month"), rs.getLong("dealer_id"),
				rs.getString("dealer_code"), rs.getString("dealer_name"), rs.getLong("region_id"), rs.getInt("revision"),
				StatementStatus.valueOf(rs.getString("status")), rs.getLong("assessment_result_id"), instant(rs, "cutoff"),
				instant(rs, "computed_at"), money(rs, "support_amount"), money(rs, "penalty_amount"),
				money(rs, "net_amount"), money(rs, "total_amount"), rs.getString("revision_reason"),
				rs.getObject("previous_id") == null ? null : rs.getLong("previous_id"), rs.getString("created_by"),
				instant(rs, "created_at"), rs.getString("published_by"), instant(rs, "published_at"),
				instant(rs, "appeal_due_at"), rs.getString("approved_by"), instant(rs, "approved_at"),
				rs.getString("settled_by"), instant(rs, "settled_at"),
				method == null ? null : SettlementMethod.valueOf(method), rs.getString("settlement_reference"),
				settledOn == null ? null : settledOn.toLocalDate(), rs.getString("superseded_by"),
				instant(rs, "superseded_at"), rs.getInt("open_appeals"));
	}

	private static BigDecimal money(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column).setScale(2, RoundingMode.UNNECESSARY);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
