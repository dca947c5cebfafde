package com.kcm.shared.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes several rows in the current transaction with one database round trip where the database allows it:
 * on PostgreSQL the inserts go out as one statement text ("insert …; insert …"), which its driver sends as one
 * message with every parameter bound; elsewhere (H2, in the same process, where a round trip costs nothing)
 * one after the other. For a path that runs for every request and must be cheap — see docs/decisions.md.
 * Errors come as Spring's {@link org.springframework.dao.DataAccessException}s, like those of JPA.
 */
@Component
public class Inserts {

	private final JdbcTemplate jdbc;
	private volatile Boolean postgres;

	public Inserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the rows, in their order, in the transaction of the caller; each must insert exactly one row. */
	public void insert(List<Insert> rows) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			if (isPostgres(connection)) {
				write(connection, String.join(";\n", rows.stream().map(Insert::sql).toList()), rows);
			} else {
				for (Insert row : rows) {
					write(connection, row.sql(), List.of(row));
				}
			}
			return null;
		});
	}

	private static void write(Connection connection, String sql, List<Insert> rows) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			int index = 1;
			for (Insert row : rows) {
				for (Object value : row.values()) {
					ps.setObject(index++, value);
				}
			}
			ps.execute();
			for (Insert row : rows) {
				int count = ps.getUpdateCount();
				if (count != 1) {
					throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(row.sql(), 1, count);
				}
				ps.getMoreResults();
			}
		}
	}

	private boolean isPostgres(Connection connection) throws SQLException {
		Boolean known = postgres;
		if (known == null) {
			DatabaseMetaData meta = connection.getMetaData();
			known = meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
			postgres = known;
		}
		return known;
	}
}
