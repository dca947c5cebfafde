package db.migration.customer;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.kcm.shared.sql.PooledIds;

/**
 * Customers and vehicles take their ids from pooled sequences (see {@link PooledIds}): intake registers a
 * first-time caller and the car with the complaint in one batch of inserts, which needs the ids before the
 * rows are written (issue 17, ADR 0002).
 */
public class V202612062100__customer_pooled_ids extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		PooledIds.moveToSequence(context.getConnection(), "customer", "customer_seq");
		PooledIds.moveToSequence(context.getConnection(), "vehicle", "vehicle_seq");
	}
}
