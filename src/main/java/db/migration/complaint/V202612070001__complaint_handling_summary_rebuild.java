package db.migration.complaint;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Filled the handling summary (ADR 0003) of every complaint from its timeline, with the statements of
 * {@code HandlingSummaryRows} as they were then. Those statements now write columns that only
 * {@link V202612071400__complaint_handling_summary_kind} adds, and that migration builds every row again: this
 * one does nothing now (a database that ran it keeps its history; one that had not gets its summary there).
 */
public class V202612070001__complaint_handling_summary_rebuild extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		// superseded by V202612071400, which rebuilds the summary after adding its columns
	}
}
