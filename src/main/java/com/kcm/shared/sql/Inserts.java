package com.kcm.shared.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
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
	private final Databases databases;
	private final ObjectProvider<RowMapping<?>> mappingBeans;
	private volatile Map<Class<?>, RowMapping<?>> mappings;

	public Inserts(JdbcTemplate jdbc, Databases databases, ObjectProvider<RowMapping<?>> mappings) {
		this.jdbc = jdbc;
		this.databases = databases;
		this.mappingBeans = mappings;
	}

	/**
	 * Inserts the rows, in their order, in the transaction of the caller; each must insert exactly one row. A row
	 * that is not an {@link Insert} is mapped to one by its module's {@link RowMapping}, in the same order.
	 */
	public void insert(List<? extends Row> batch) {
		List<Insert> rows = batch.stream().map(this::insertOf).toList();
		boolean postgres = databases.isPostgres();
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			if (postgres) {
				write(connection, String.join(";\n", rows.stream().map(Insert::sql).toList()), rows);
			} else {
				for (Insert row : rows) {
					write(connection, row.sql(), List.of(row));
				}
			}
			return null;
		});
	}

	@SuppressWarnings("unchecked")
	private <T extends Row> Insert insertOf(T row) {
		if (row instanceof Insert insert) {
			return insert;
		}
		Map<Class<?>, RowMapping<?>> known = mappings;
		if (known == null) {
			known = mappingBeans.orderedStream().collect(Collectors.toUnmodifiableMap(RowMapping::type, m -> m));
			mappings = known;
		}
		RowMapping<T> mapping = (RowMapping<T>) known.get(row.getClass());
		if (mapping == null) {
			throw new IllegalArgumentException("no RowMapping for " + row.getClass().getName());
		}
		return mapping.insert(row);
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
}
