package com.kcm.shared.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves a table's id from an identity column to a sequence that hands out blocks of {@link #BLOCK}: the
 * application takes a block with one call and numbers its inserts itself (Hibernate's pooled-lo
 * optimizer), so it can batch the inserts and needs no generated key back from each one. The column's
 * default becomes the sequence, so rows inserted by hand or by scripts still get a fresh id that no
 * block contains. The same statements run on PostgreSQL and on H2 (PostgreSQL mode); only the start
 * value, above every id already there, has to be read first.
 */
public final class PooledIds {

	/** Ids per block; the entities' {@code allocationSize} must be the same. */
	public static final int BLOCK = 50;

	private PooledIds() {
	}

	public static void moveToSequence(Connection connection, String table, String sequence) throws SQLException {
		try (Statement s = connection.createStatement()) {
			long start;
			try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
				r.next();
				start = r.getLong(1);
			}
			s.execute("create sequence " + sequence + " start with " + start + " increment by " + BLOCK);
			s.execute("alter table " + table + " alter column id drop identity");
			s.execute("alter table " + table + " alter column id set default nextval('" + sequence + "')");
		}
	}
}
