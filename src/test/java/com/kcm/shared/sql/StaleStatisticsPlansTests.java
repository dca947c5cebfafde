package com.kcm.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import com.kcm.support.KcmTest;

/**
 * Issue 17: a plan must not depend on fresh statistics to avoid reading a whole table. In a schema of its
 * own (dropped afterwards) the test copies the customer, complaint and work order tables with all their
 * indexes, fills them with 100,000 customers, 200,000 complaints and as many work orders without ever
 * analysing them (autovacuum off), and asks PostgreSQL for the plans of the statements intake, the dealer
 * inbox and the after-sales board send: the statement texts are those Hibernate and the code emit (taken
 * from the SQL log of ComplaintPageTests), with their parameters as $n. Each is planned twice, as a custom
 * plan for typical values and as the generic plan a prepared statement may switch to. No plan may read a
 * large table with a sequential scan or walk one of its indexes without an index condition.
 * Runs only against PostgreSQL (./mvnw verify -Ppostgres); H2 has no planner statistics to go stale.
 */
@KcmTest
@EnabledIfSystemProperty(named = "kcm.test.db", matches = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class StaleStatisticsPlansTests {

	private static final String SCHEMA = "kcm_stats_plans";
	private static final List<String> LARGE = List.of("customer", "complaint", "work_order");

	private static final String COMPLAINT_COLUMNS = "c1_0.id,c1_0.callback_due_at,c1_0.category,c1_0.channel,"
			+ "c1_0.closed_at,c1_0.closure_requested_at,c1_0.closure_round,c1_0.complainant_name,c1_0.complainant_type,"
			+ "c1_0.customer_id,c1_0.customer_name,c1_0.description,c1_0.escalated_at,c1_0.external_id,"
			+ "c1_0.first_dispatched_at,c1_0.forced_closure_reason,c1_0.green_channel,c1_0.handling_dealer_id,"
			+ "c1_0.kind,c1_0.last_event_at,c1_0.major,c1_0.nominated_at,"
			+ "c1_0.online_content,c1_0.online_handle,c1_0.online_negative,c1_0.online_platform,c1_0.online_posted_at,"
			+ "c1_0.online_url,c1_0.project_no,c1_0.registered_at,c1_0.registered_by,c1_0.repair_reason,"
			+ "c1_0.responsible_dealer_id,c1_0.status,c1_0.suggestion,c1_0.vehicle_id,c1_0.version";
	private static final String WORK_ORDER_WITH_COMPLAINT = "select wo1_0.id,wo1_0.close_due_at,wo1_0.complaint_id,"
			+ COMPLAINT_COLUMNS + ",wo1_0.confirm_due_at,wo1_0.confirmed_at,wo1_0.deadlines_provisional,"
			+ "wo1_0.dealer_contact,wo1_0.dealer_id,wo1_0.dispatched_at,wo1_0.dispatched_by,wo1_0.ended_at,"
			+ "wo1_0.first_contact_at,wo1_0.first_reply_at,wo1_0.next_due_at,wo1_0.notified_by,wo1_0.reply_due_at,"
			+ "wo1_0.seq,wo1_0.status,wo1_0.transfer from work_order wo1_0 join complaint c1_0 on c1_0.id=wo1_0.complaint_id ";
	private static final String WORK_ORDER_IDS = "select wo1_0.id from work_order wo1_0 join complaint c1_0 on c1_0.id=wo1_0.complaint_id ";
	private static final String CURRENT_AT_DEALER = "where wo1_0.status in ('DISPATCHED','CONFIRMED') "
			+ "and c1_0.status in ('DISPATCHED','IN_PROGRESS','CLOSURE_REQUESTED') and wo1_0.dealer_id in ($1)";
	private static final String WORKING = "where wo1_0.status in ('DISPATCHED','CONFIRMED') and c1_0.status in ('DISPATCHED','IN_PROGRESS')";
	private static final String NOW = "'2026-06-15 10:00:00+08'";

	/** Statement (parameters $n) and the values of a typical call. */
	private static final Map<String, String[]> STATEMENTS = new LinkedHashMap<>();
	static {
		String phone = "md5('p50000')";
		// intake (Customers.referenceByPhone) and the duplicate flag of the customer it finds
		STATEMENTS.put("select id, key_account from customer where phone_hash = $1 and merged_into_id is null order by id limit 1",
				new String[] { phone });
		STATEMENTS.put("select c1_0.phone_hash from customer c1_0 where c1_0.phone_hash in ($1) and c1_0.merged_into_id is null "
				+ "group by c1_0.phone_hash having count(c1_0.id)>1", new String[] { phone });
		// dealer inbox: the page and the badge of every tab
		STATEMENTS.put(WORK_ORDER_WITH_COMPLAINT + CURRENT_AT_DEALER + " order by wo1_0.next_due_at,wo1_0.id offset $2 rows fetch first $3 rows only",
				new String[] { "17", "0", "20" });
		STATEMENTS.put(WORK_ORDER_IDS + CURRENT_AT_DEALER + " fetch first $2 rows only", new String[] { "17", "101" });
		// every tab's badge at once (ComplaintBoards.inboxTallies)
		String tabRows = "select w.id from work_order w join complaint c on c.id = w.complaint_id where w.status in "
				+ "('DISPATCHED','CONFIRMED') and c.status in ('DISPATCHED','IN_PROGRESS','CLOSURE_REQUESTED') and w.dealer_id in ($1)";
		STATEMENTS.put("select " + String.join(", ", java.util.stream.Stream.of("", " and w.status = 'DISPATCHED'",
				" and w.status = 'CONFIRMED' and w.first_reply_at is null", " and w.first_reply_at is not null")
				.map(tab -> "(select count(*) from (" + tabRows + tab + " fetch first 100 rows only) t)").toList()),
				new String[] { "17" });
		STATEMENTS.put(WORK_ORDER_IDS + CURRENT_AT_DEALER + " and wo1_0.status='DISPATCHED' fetch first $2 rows only", new String[] { "17", "101" });
		STATEMENTS.put(WORK_ORDER_IDS + CURRENT_AT_DEALER + " and wo1_0.status='CONFIRMED' and wo1_0.first_reply_at is null fetch first $2 rows only",
				new String[] { "17", "101" });
		STATEMENTS.put(WORK_ORDER_IDS + CURRENT_AT_DEALER + " and wo1_0.first_reply_at is not null fetch first $2 rows only", new String[] { "17", "101" });
		STATEMENTS.put(WORK_ORDER_IDS + CURRENT_AT_DEALER + " and wo1_0.next_due_at<$2 fetch first $3 rows only", new String[] { "17", NOW, "101" });
		// after-sales board: complaint sections (preview and badge)
		String toDispatch = "where c1_0.status='REGISTERED' and c1_0.kind='COMPLAINT' and c1_0.channel<>'ONLINE'";
		String closureRequested = "where c1_0.status='CLOSURE_REQUESTED'";
		String escalated = "where c1_0.status in ('DISPATCHED','IN_PROGRESS','CLOSURE_REQUESTED') and (c1_0.escalated_at is not null or c1_0.first_dispatched_at<=$1)";
		String online = "where c1_0.channel='ONLINE' and c1_0.status in ('REGISTERED','DISPATCHED','IN_PROGRESS','CLOSURE_REQUESTED')";
		String complaints = "select " + COMPLAINT_COLUMNS + " from complaint c1_0 ";
		STATEMENTS.put(complaints + toDispatch + " order by c1_0.registered_at,c1_0.id fetch first $1 rows only", new String[] { "10" });
		STATEMENTS.put("select c1_0.id from complaint c1_0 " + toDispatch + " order by c1_0.registered_at,c1_0.id fetch first $1 rows only",
				new String[] { "101" });
		STATEMENTS.put(complaints + closureRequested + " order by c1_0.callback_due_at,c1_0.id fetch first $1 rows only", new String[] { "10" });
		STATEMENTS.put("select c1_0.id from complaint c1_0 " + closureRequested + " order by c1_0.callback_due_at,c1_0.id fetch first $1 rows only",
				new String[] { "101" });
		STATEMENTS.put(complaints + escalated + " order by c1_0.first_dispatched_at,c1_0.id fetch first $2 rows only",
				new String[] { "'2026-03-15 10:00:00+08'", "10" });
		STATEMENTS.put("select c1_0.id from complaint c1_0 " + escalated + " order by c1_0.first_dispatched_at,c1_0.id fetch first $2 rows only",
				new String[] { "'2026-03-15 10:00:00+08'", "101" });
		STATEMENTS.put(complaints + online + " order by c1_0.registered_at,c1_0.id fetch first $1 rows only", new String[] { "10" });
		STATEMENTS.put("select c1_0.id from complaint c1_0 " + online + " order by c1_0.registered_at,c1_0.id fetch first $1 rows only",
				new String[] { "101" });
		// after-sales board: work order sections (replied, due today, overdue)
		String replied = "where wo1_0.status in ('DISPATCHED','CONFIRMED') and c1_0.status in ('IN_PROGRESS') and wo1_0.first_reply_at is not null";
		STATEMENTS.put(WORK_ORDER_WITH_COMPLAINT + replied + " order by wo1_0.next_due_at,wo1_0.id fetch first $1 rows only", new String[] { "10" });
		STATEMENTS.put(WORK_ORDER_IDS + replied + " order by wo1_0.next_due_at,wo1_0.id fetch first $1 rows only", new String[] { "101" });
		String dueToday = WORKING + " and wo1_0.next_due_at>=$1 and wo1_0.next_due_at<$2";
		STATEMENTS.put(WORK_ORDER_WITH_COMPLAINT + dueToday + " order by wo1_0.next_due_at,wo1_0.id fetch first $3 rows only",
				new String[] { NOW, "'2026-06-16 00:00:00+08'", "10" });
		STATEMENTS.put(WORK_ORDER_IDS + dueToday + " order by wo1_0.next_due_at,wo1_0.id fetch first $3 rows only", new String[] { NOW, "'2026-06-16 00:00:00+08'", "101" });
		String overdue = WORKING + " and wo1_0.next_due_at<$1";
		STATEMENTS.put(WORK_ORDER_WITH_COMPLAINT + overdue + " order by wo1_0.next_due_at,wo1_0.id fetch first $2 rows only", new String[] { NOW, "10" });
		STATEMENTS.put(WORK_ORDER_IDS + overdue + " order by wo1_0.next_due_at,wo1_0.id fetch first $2 rows only", new String[] { NOW, "101" });
	}

	@Autowired
	DataSource dataSource;

	@BeforeAll
	void tablesFullOfRowsAndNoStatistics() throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
			for (String table : LARGE) {
				s.execute("create table " + SCHEMA + "." + table + " (like public." + table
						+ " including all) with (autovacuum_enabled = false)");
			}
			// 100,000 customers: 1 in 100 merged into its predecessor, 1 in 20 with a second phone, 1 in 10 with an ID number
			s.execute("insert into " + SCHEMA + ".customer (id, name, name_key, phone_cipher, phone_hash, phone2_hash, "
					+ "id_number_hash, kind, merged_into_id, created_at, updated_at) "
					+ "select g, 'c' || g, 'c' || g, 'x', md5('p' || g), case when g % 20 = 0 then md5('q' || g) end, "
					+ "case when g % 10 = 0 then md5('i' || g) end, 'INDIVIDUAL', case when g % 100 = 0 then g - 1 end, "
					+ "now(), now() from generate_series(1, 100000) g");
			// 200,000 complaints over a year; the last 10,000 still open (registered, at a dealer, closure requested)
			s.execute("insert into " + SCHEMA + ".complaint (id, kind, channel, description, customer_id, customer_name, "
					+ "complainant_type, status, responsible_dealer_id, handling_dealer_id, registered_at, registered_by, "
					+ "first_dispatched_at, callback_due_at, closed_at, last_event_at) "
					+ "select g, 'COMPLAINT', case when g % 10 = 0 then 'ONLINE' else 'HOTLINE_400' end, 'd', g % 100000 + 1, 'c', "
					+ "'CUSTOMER', case when g <= 190000 then 'CLOSED' when g % 10 = 1 then 'REGISTERED' "
					+ "when g % 10 = 2 then 'CLOSURE_REQUESTED' when g % 2 = 0 then 'IN_PROGRESS' else 'DISPATCHED' end, "
					+ "g % 1000 + 1, g % 1000 + 1, t, 'agent', t + interval '1 hour', "
					+ "case when g > 190000 and g % 10 = 2 then t + interval '10 days' end, "
					+ "case when g <= 190000 then t + interval '5 days' end, t "
					+ "from generate_series(1, 200000) g, "
					+ "lateral (select timestamptz '2025-06-15 10:00:00+08' + g * interval '150 seconds' as t) x");
			// one work order per dispatched complaint, at one of 1,000 dealers
			s.execute("insert into " + SCHEMA + ".work_order (id, complaint_id, seq, dealer_id, status, transfer, "
					+ "dispatched_at, dispatched_by, confirm_due_at, reply_due_at, confirmed_at, first_reply_at, ended_at, next_due_at) "
					+ "select c.id, c.id, 1, c.responsible_dealer_id, case when c.status = 'CLOSED' then 'CLOSED' "
					+ "when c.id % 3 = 0 then 'DISPATCHED' else 'CONFIRMED' end, false, c.first_dispatched_at, 'agent', "
					+ "c.first_dispatched_at + interval '1 day', c.first_dispatched_at + interval '2 days', "
					+ "case when c.id % 3 <> 0 then c.first_dispatched_at + interval '2 hours' end, "
					+ "case when c.status in ('IN_PROGRESS', 'CLOSURE_REQUESTED', 'CLOSED') then c.first_dispatched_at + interval '1 day' end, "
					+ "c.closed_at, case when c.status <> 'CLOSED' then c.first_dispatched_at + interval '3 days' end "
					+ "from " + SCHEMA + ".complaint c where c.status <> 'REGISTERED'");
		}
	}

	@AfterAll
	void dropSchema() throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

	@Test
	void theTablesHaveNeverBeenAnalysed() throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from pg_stats where schemaname = '" + SCHEMA + "'")) {
			rs.next();
			assertThat(rs.getInt(1)).isZero();
		}
	}

	@Test
	void intakeInboxAndBoardNeverReadAWholeLargeTableWithoutStatistics() throws SQLException {
		List<String> bad = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			for (Map.Entry<String, String[]> e : STATEMENTS.entrySet()) {
				bad.addAll(wholeTableReads(s, e.getKey(), e.getValue()));
			}
		}
		assertThat(bad).as("plans that read a whole large table").isEmpty();
	}

	/**
	 * Fresh statistics must not lead there either. The board's sections hold recent rows, at the end of the table:
	 * a count without an order was planned as a sequential scan from the start when statistics said the section
	 * was large (a backlog to dispatch), and read most of the table (docs/benchmarks.md, 2026-12-07). Each section
	 * is read in the order of an index that holds its rows. Runs after the other tests of this class (it analyses
	 * the copies).
	 */
	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void withFreshStatisticsTooNoPlanReadsAWholeLargeTable() throws SQLException {
		List<String> bad = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			for (String table : LARGE) {
				s.execute("analyze " + SCHEMA + "." + table);
			}
			for (Map.Entry<String, String[]> e : STATEMENTS.entrySet()) {
				bad.addAll(wholeTableReads(s, e.getKey(), e.getValue()));
			}
		}
		assertThat(bad).as("plans that read a whole large table").isEmpty();
	}

	/** The check has teeth: with the index of before issue 17 (all customers) the intake lookup is caught. */
	@Test
	void theFormerFullIndexOnMergedIntoWouldBeCaught() throws SQLException {
		String lookup = STATEMENTS.keySet().iterator().next();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("create index kcm_stats_full_merged_into on " + SCHEMA + ".customer (merged_into_id)");
			try {
				assertThat(wholeTableReads(s, lookup, STATEMENTS.get(lookup))).isNotEmpty()
						.allMatch(p -> p.contains("kcm_stats_full_merged_into"));
			}
			finally {
				s.execute("drop index " + SCHEMA + ".kcm_stats_full_merged_into");
			}
		}
	}

	/** Only an index of one state may be read whole: one of every row with a value is still caught. */
	@Test
	void anIndexMayBeReadWholeOnlyWhenItHoldsTheRowsOfOneState() {
		String plan = "Limit\n  ->  Index Scan using some_idx on complaint c1_0\n";

		assertThat(ONE_VALUE.matcher("((status)::text = 'CLOSURE_REQUESTED'::text)").matches()).isTrue();
		assertThat(ONE_VALUE.matcher("(callback_due_at IS NOT NULL)").matches()).isFalse();
		assertThat(ofOpenWork("(((channel)::text = 'ONLINE'::text) AND ((status)::text = ANY "
				+ "((ARRAY['REGISTERED'::character varying, 'DISPATCHED'::character varying])::text[])))")).isTrue();
		assertThat(ofOpenWork("((status)::text = ANY ((ARRAY['DISPATCHED'::character varying, "
				+ "'CLOSED'::character varying])::text[]))")).isFalse();
		assertThat(ofOpenWork("((status)::text <> 'CLOSED'::text)")).isFalse();
		assertThat(ofOpenWork("(closed_at IS NOT NULL)")).isFalse();
		assertThat(wholeTableScans(plan, Set.of("some_idx"))).isEmpty();
		assertThat(wholeTableScans(plan, Set.of())).containsExactly("whole index some_idx on complaint");
	}

	/** The plan problems of one statement, planned for the given values and as a generic plan. */
	private static List<String> wholeTableReads(Statement s, String sql, String[] values) throws SQLException {
		List<String> bad = new ArrayList<>();
		s.execute("set search_path = " + SCHEMA);
		s.execute("prepare kcm_stale as " + sql);
		Set<String> oneState = oneStateIndexes(s);
		try {
			for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
				s.execute("set plan_cache_mode = " + mode);
				String plan = explain(s, "explain execute kcm_stale(" + String.join(", ", values) + ")");
				List<String> scans = wholeTableScans(plan, oneState);
				System.out.println(mode + ": " + sql + "\n" + plan); // in the test's output file, for whoever reads a failure
				if (!scans.isEmpty()) {
					bad.add(mode + " of " + sql + "\n  reads " + scans + "\n" + plan);
				}
			}
		}
		finally {
			s.execute("deallocate kcm_stale");
			s.execute("reset plan_cache_mode");
			s.execute("reset search_path");
		}
		return bad;
	}

	/**
	 * The partial indexes of the copied tables whose predicate is one value of a column ({@code where status =
	 * 'CLOSURE_REQUESTED'}): they hold only the rows in that state (the callback queue), so reading one of them
	 * whole reads those rows, not the table.
	 */
	private static Set<String> oneStateIndexes(Statement s) throws SQLException {
		Set<String> names = new HashSet<>();
		try (ResultSet rs = s.executeQuery("select c.relname, pg_get_expr(i.indpred, i.indrelid) from pg_index i "
				+ "join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace "
				+ "where n.nspname = '" + SCHEMA + "' and i.indpred is not null")) {
			while (rs.next()) {
				if (ONE_VALUE.matcher(rs.getString(2)).matches() || ofOpenWork(rs.getString(2))) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

	/** Open states of a complaint and of a work order ({@code CONFIRMED}). */
	private static final Set<String> OPEN_STATES = Set.of("REGISTERED", "DISPATCHED", "IN_PROGRESS", "CLOSURE_REQUESTED",
			"CONFIRMED");
	private static final Pattern QUOTED = Pattern.compile("'(\\w+)'");

	/**
	 * Whether an index's predicate keeps only open complaints or work orders: one of its conjuncts is an equality of
	 * {@code status} to open states ({@code status = ANY (ARRAY['DISPATCHED', …])}). Open work is a few per cent
	 * of the rows (the board's sections); reading such an index whole does not read the table.
	 */
	static boolean ofOpenWork(String predicate) {
		for (String conjunct : predicate.split(" AND ")) {
			if (conjunct.contains("(status)::text = ")) {
				Matcher m = QUOTED.matcher(conjunct);
				boolean any = false;
				while (m.find()) {
					if (!OPEN_STATES.contains(m.group(1))) {
						return false;
					}
					any = true;
				}
				return any;
			}
		}
		return false;
	}

	private static final Pattern ONE_VALUE = Pattern.compile("\\(*\\w+\\)*(?:::text)? = '\\w+'::\\w+(?: varying)?\\)*");

	private static String explain(Statement s, String sql) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				plan.append(rs.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

	private static final Pattern SCAN = Pattern.compile(
			"(Parallel Seq Scan|Seq Scan|Bitmap Index Scan|Index Only Scan|Index Scan)(?: Backward)?(?: using (\\w+))? on (\\w+)");
	private static final Pattern ONLY_IS_NULL = Pattern.compile("Index Cond: \\(*(?:\\w+\\.)?\\w+ IS NULL\\)*\\s*$");

	/**
	 * What in a plan reads a whole large table: a sequential scan of one, an index scan of one without an index
	 * condition (a walk of the whole index), and any index scan whose only condition is {@code col IS NULL} on
	 * these tables, where the nullable indexed columns are null for nearly every row (the plan of issue 17:
	 * a BitmapAnd with ix_customer_merged_into read every customer for each intake). An index that holds only
	 * the rows of one state ({@code oneState}) may be read whole.
	 */
	static List<String> wholeTableScans(String plan, Set<String> oneState) {
		List<String> found = new ArrayList<>();
		String[] lines = plan.split("\n");
		for (int i = 0; i < lines.length; i++) {
			Matcher m = SCAN.matcher(lines[i]);
			if (!m.find()) {
				continue;
			}
			String node = m.group(1);
			String index = node.startsWith("Bitmap") ? m.group(3) : m.group(2);
			String table = node.startsWith("Bitmap") ? null : m.group(3);
			if (table != null && !LARGE.contains(table)) {
				continue;
			}
			if (node.contains("Seq Scan")) {
				found.add("Seq Scan on " + table);
				continue;
			}
			String condition = null;
			for (int j = i + 1; j < lines.length && !lines[j].contains("->"); j++) {
				if (lines[j].contains("Index Cond:")) {
					condition = lines[j].trim();
				}
			}
			if (condition == null) {
				if (!oneState.contains(index)) {
					found.add("whole index " + index + (table == null ? "" : " on " + table));
				}
			}
			else if (ONLY_IS_NULL.matcher(condition).find()) {
				found.add("index " + index + " for " + condition + " (null in nearly every row)");
			}
		}
		return found;
	}
}
