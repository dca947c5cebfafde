package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.Context;

/**
 * Runs a migration's statements on PostgreSQL and nothing on H2 (tests, development): for what H2 cannot express,
 * such as partial indexes, where H2 keeps the full ones. Not a migration itself: Flyway picks up only
 * {@code JavaMigration}s.
 */
public final class PostgresOnly {

	private PostgresOnly() {
	}

	/** Executes {@code statements} in order, in the migration's transaction, when the database is PostgreSQL. */
	public static void execute(Context context, List<String> statements) throws Exception {
		Connection connection = context.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
			return;
		}
		try (Statement s = connection.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
	}
}
