package db.migration.audit;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.kcm.shared.sql.PooledIds;

/** Audit entries take their ids from a pooled sequence (see {@link PooledIds}). */
public class V202611272131__audit_pooled_ids extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		PooledIds.moveToSequence(context.getConnection(), "audit_entry", "audit_entry_seq");
	}
}
