package db.migration.complaint;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.kcm.complaint.HandlingSummaryRows;

/** Fills the handling summary (ADR 0003) of every complaint from its timeline. */
public class V202612070001__complaint_handling_summary_rebuild extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		HandlingSummaryRows.rebuildAll(context.getConnection());
	}
}
