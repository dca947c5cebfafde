package db.migration.customer;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import db.migration.PostgresOnly;

/**
 * Indexes on nullable columns that are null for almost every customer become partial
 * ({@code where col is not null}) on PostgreSQL: {@code merged_into_id} (set only on merged customers),
 * {@code phone2_hash} and {@code id_number_hash} (optional second phone and ID number). Every query on them
 * is an equality, which implies not null, so the partial index serves it; a query filtering
 * {@code merged_into_id is null} (the intake's customer lookup) can no longer be planned on an index that
 * holds every customer, which PostgreSQL did when the table had no statistics yet (issue 17) and read the
 * whole index per intake. H2 (tests, development) has no partial indexes: there the full indexes stay.
 */
public class V202612061700__customer_partial_indexes extends BaseJavaMigration {

	private static final String[][] INDEXES = {
			{ "ix_customer_merged_into", "merged_into_id" },
			{ "ix_customer_phone2_hash", "phone2_hash" },
			{ "ix_customer_id_number_hash", "id_number_hash" } };

	@Override
	public void migrate(Context context) throws Exception {
		List<String> statements = new ArrayList<>();
		for (String[] index : INDEXES) {
			statements.add("drop index " + index[0]);
			statements.add("create index " + index[0] + " on customer (" + index[1] + ") where " + index[1] + " is not null");
		}
		PostgresOnly.execute(context, statements);
	}
}
