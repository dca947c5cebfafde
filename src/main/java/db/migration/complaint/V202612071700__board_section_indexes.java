package db.migration.complaint;

import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import db.migration.PostgresOnly;

/**
 * Indexes that hold only open work, in the order of a section of the after-sales board (SPEC §4), so the section's
 * page of rows and its count (up to 100) read a few index entries whatever the statistics say (docs/decisions.md,
 * 2026-12-07): the open online complaints, by registration; the complaints open at a dealer, by first dispatch (the
 * escalated section: open at a dealer and escalated, or first dispatched before the escalation period); the open
 * work orders, by next deadline (the replied section, whose rows are not limited to one deadline range). Before,
 * these walked every online complaint ever registered from the oldest, every dispatched complaint, and every work
 * order down to the closed ones; counting without an order read the table from its start, where the closed
 * complaints are. The complaints to dispatch are read by {@code ix_complaint_status (status, registered_at)}, the
 * callback queue by {@code ix_complaint_callback_due}. H2 (tests, development) has no partial indexes: there
 * nothing changes.
 */
public class V202612071700__board_section_indexes extends BaseJavaMigration {

	private static final List<String> STATEMENTS = List.of(
			"create index ix_complaint_online_open on complaint (registered_at, id) where channel = 'ONLINE' "
					+ "and status in ('REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'CLOSURE_REQUESTED')",
			"create index ix_complaint_open_at_dealer on complaint (first_dispatched_at, id) "
					+ "where status in ('DISPATCHED', 'IN_PROGRESS', 'CLOSURE_REQUESTED')",
			"create index ix_work_order_open_due on work_order (next_due_at, id) "
					+ "where status in ('DISPATCHED', 'CONFIRMED')");

	@Override
	public void migrate(Context context) throws Exception {
		PostgresOnly.execute(context, STATEMENTS);
	}
}
