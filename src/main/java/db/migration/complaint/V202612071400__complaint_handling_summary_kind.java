package db.migration.complaint;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.kcm.complaint.HandlingSummaryRows;

/**
 * The complaint's kind, channel and online flag on its handling summary row (ADR 0003, second amendment), so
 * the assessment's facts no longer read the wide complaint row of every work order; then every complaint's
 * summary is built again with the statements of {@link HandlingSummaryRows} (which now write them). The three
 * values never change after registration.
 */
public class V202612071400__complaint_handling_summary_kind extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("alter table complaint_handling_summary add column kind varchar(20)");
			s.execute("alter table complaint_handling_summary add column channel varchar(20)");
			s.execute("alter table complaint_handling_summary add column online_negative boolean");
		}
		HandlingSummaryRows.rebuildAll(context.getConnection());
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("alter table complaint_handling_summary alter column kind set not null");
			s.execute("alter table complaint_handling_summary alter column channel set not null");
		}
	}
}
