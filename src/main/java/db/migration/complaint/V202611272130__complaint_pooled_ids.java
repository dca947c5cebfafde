package db.migration.complaint;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.kcm.shared.sql.PooledIds;

/** Complaints and their timeline events take their ids from pooled sequences (see {@link PooledIds}). */
public class V202611272130__complaint_pooled_ids extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		PooledIds.moveToSequence(context.getConnection(), "complaint", "complaint_seq");
		PooledIds.moveToSequence(context.getConnection(), "complaint_event", "complaint_event_seq");
	}
}
