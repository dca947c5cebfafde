package com.kcm.shared.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One row to insert with plain JDBC: the table, its columns and their values in the same order. Values are
 * Java values as JDBC takes them; {@link #value} turns instants into UTC date-times (the drivers' type for
 * {@code timestamp with time zone}) and enums into their names, as the JPA mappings store them.
 */
public final class Insert implements Row {

	/** Statement texts by table and columns; bounded, though the shapes are the code's own and few. */
	private static final Map<Shape, String> STATEMENTS = new ConcurrentHashMap<>();
	private static final int MAX_SHAPES = 500;

	private record Shape(String table, List<String> columns) {
	}

	private final String table;
	private final List<String> columns = new ArrayList<>();
	private final List<Object> values = new ArrayList<>();

	private Insert(String table) {
		this.table = table;
	}

	public static Insert into(String table) {
		return new Insert(table);
	}

	/** Adds a column and its value. */
	public Insert value(String column, Object value) {
		columns.add(column);
		values.add(jdbcValue(value));
		return this;
	}

	public String table() {
		return table;
	}

	public List<String> columns() {
		return Collections.unmodifiableList(columns);
	}

	public List<Object> values() {
		return Collections.unmodifiableList(values);
	}

	/**
	 * The statement, with one {@code ?} per column. Rows of one table are built by the same code with the same
	 * columns, so the text is made once per table and column list and kept (intake builds eight rows per request).
	 */
	public String sql() {
		Shape shape = new Shape(table, List.copyOf(columns));
		String known = STATEMENTS.get(shape);
		if (known == null) {
			known = sql(1);
			if (STATEMENTS.size() < MAX_SHAPES) {
				STATEMENTS.putIfAbsent(shape, known);
			}
		}
		return known;
	}

	/** The statement inserting {@code rows} rows of this table and columns: one {@code (?, …)} tuple per row. */
	String sql(int rows) {
		String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
		StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (").append(String.join(", ", columns))
				.append(") values ").append(tuple);
		for (int i = 1; i < rows; i++) {
			sql.append(", ").append(tuple);
		}
		return sql.toString();
	}

	private static Object jdbcValue(Object value) {
		if (value instanceof java.time.Instant i) {
			return java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		return value;
	}
}
