package com.kcm.complaint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statements that build the handling summary (ADR 0003) from the timeline, for the complaints a condition
 * selects: used by the migration that fills it (hence public), by the complaint module's refresh after each
 * timeline change and by the repair command, so all three write the same rows. A change to these statements needs
 * a new migration that changes the tables and rebuilds them; the earlier rebuild migration, which would run the
 * changed statements on a fresh database before the new columns exist, is then emptied (as V202612070001 was for
 * V202612071400). The condition names the complaint id as
 * {@value #ID}, which each statement replaces by its own indexed column (the complaint's primary key, the work
 * order's {@code complaint_id}): a refresh's {@code {id} = ?} is then an index lookup whatever the planner's
 * statistics say, no join order to get wrong. Plain SQL that runs unchanged on PostgreSQL and H2 (PostgreSQL
 * mode). Timeline order is (at, id), as in the assessment's lookups.
 */
public final class HandlingSummaryRows {

	/**
	 * The columns of the timeline's tables these statements were written against. A column added to one of
	 * them makes {@code HandlingSummaryRebuildTests} fail until it is listed here — after deciding whether the
	 * summary must use it (then the statements, the summary's tables, {@code RegistrationRows.summary}
	 * and {@code HandlingFacts} change with it; docs/development.md).
	 */
	public static final java.util.Map<String, java.util.Set<String>> TIMELINE_COLUMNS = java.util.Map.of(
			"complaint_event", java.util.Set.of("id", "complaint_id", "work_order_id", "dealer_id", "type", "at",
					"actor", "from_status", "to_status", "detail", "category"),
			"complaint_callback", java.util.Set.of("id", "complaint_id", "at", "closure_round", "reached", "resolved",
					"satisfied", "false_reply", "notes", "agent"),
			"work_order_reply", java.util.Set.of("id", "work_order_id", "at", "contacted_customer_at", "final_result",
					"text", "fault_cause", "quality_defect", "parts_replaced", "repair_order_no", "claim_no",
					"delay_reason", "entered_by", "on_dealers_behalf"));

	/** The complaint id in a condition. */
	public static final String ID = "{id}";

	private static final String LATEST = " order by e.at desc, e.id desc fetch first 1 rows only)";
	private static final String BEFORE_LATEST = " order by e.at desc, e.id desc offset 1 rows fetch next 1 rows only)";
	private static final String CB_LATEST = " order by cb.at desc, cb.id desc fetch first 1 rows only)";

	private HandlingSummaryRows() {
	}

	/** Removes the complaint rows of the complaints {@code condition} selects. */
	public static String deleteComplaints(String condition) {
		return "delete from complaint_handling_summary where " + condition.replace(ID, "complaint_id");
	}

	/** Removes the work-order rows of the complaints {@code condition} selects. */
	public static String deleteWorkOrders(String condition) {
		return "delete from work_order_handling_summary where " + condition.replace(ID, "complaint_id");
	}

	/** Inserts the complaint rows of the complaints {@code condition} selects, from their timeline. */
	public static String insertComplaints(String condition) {
		return """
				insert into complaint_handling_summary (complaint_id, status, status_at, status_before, status_before_at,
				    status_first_at, category, category_at, category_before, category_before_at, category_first_at,
				    closed_at, callback_first_at, callback_last_at, reached_callbacks, false_replies, last_reached,
				    last_satisfied, kind, channel, online_negative)
				select c.id,
				""" + latest("e.to_status", "to_status") + ",\n" + latest("e.at", "to_status") + ",\n"
				+ beforeLatest("e.to_status", "to_status") + ",\n" + beforeLatest("e.at", "to_status") + ",\n"
				+ "(select min(e.at) from complaint_event e where e.complaint_id = c.id and e.to_status is not null),\n"
				+ latest("e.category", "category") + ",\n" + latest("e.at", "category") + ",\n"
				+ beforeLatest("e.category", "category") + ",\n" + beforeLatest("e.at", "category") + ",\n"
				+ "(select min(e.at) from complaint_event e where e.complaint_id = c.id and e.category is not null),\n"
				+ """
				(select min(e.at) from complaint_event e where e.complaint_id = c.id
				  and e.to_status in ('CLOSED', 'FORCE_CLOSED', 'CLOSED_UNREACHABLE')),
				(select min(cb.at) from complaint_callback cb where cb.complaint_id = c.id),
				(select max(cb.at) from complaint_callback cb where cb.complaint_id = c.id),
				(select count(*) from complaint_callback cb where cb.complaint_id = c.id and cb.reached = true),
				(select count(*) from complaint_callback cb where cb.complaint_id = c.id and cb.false_reply = true),
				(select cb.reached from complaint_callback cb where cb.complaint_id = c.id""" + CB_LATEST + ",\n"
				+ "(select cb.satisfied from complaint_callback cb where cb.complaint_id = c.id and cb.reached = true"
				+ CB_LATEST + ",\nc.kind, c.channel, c.online_negative\nfrom complaint c where "
				+ condition.replace(ID, "c.id");
	}

	/** Inserts the work-order rows (work orders with a reply) of the complaints {@code condition} selects. */
	public static String insertWorkOrders(String condition) {
		return """
				insert into work_order_handling_summary (work_order_id, complaint_id, first_reply_at, first_contact_at,
				    contact_settled_at)
				select s.work_order_id, s.complaint_id, s.first_reply_at, s.first_contact_at,
				       (select min(r.at) from work_order_reply r
				         where r.work_order_id = s.work_order_id and r.contacted_customer_at = s.first_contact_at)
				from (select w.id as work_order_id, w.complaint_id, min(r.at) as first_reply_at,
				             min(r.contacted_customer_at) as first_contact_at
				      from work_order w
				      join work_order_reply r on r.work_order_id = w.id
				""" + "where " + condition.replace(ID, "w.complaint_id") + "\ngroup by w.id, w.complaint_id) s";
	}

	/** Rebuilds the summary of every complaint: used by the migration that creates it. */
	public static void rebuildAll(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute(deleteWorkOrders("1 = 1"));
			s.execute(deleteComplaints("1 = 1"));
			s.execute(insertComplaints("1 = 1"));
			s.execute(insertWorkOrders("1 = 1"));
		}
	}

	private static String latest(String column, String present) {
		return "(select " + column + " from complaint_event e where e.complaint_id = c.id and e." + present
				+ " is not null" + LATEST;
	}

	private static String beforeLatest(String column, String present) {
		return "(select " + column + " from complaint_event e where e.complaint_id = c.id and e." + present
				+ " is not null" + BEFORE_LATEST;
	}
}
