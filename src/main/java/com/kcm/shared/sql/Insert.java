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
	private static final Map<Shape, Texts> STATEMENTS = new ConcurrentHashMap<>();
	private static final int MAX_SHAPES = 500;
	/** Multi-row texts are kept up to this many rows (a group commit writes at most a few dozen of a table). */
	static final int MAX_KEPT_ROWS = 64;

	private record Shape(String table, List<String> columns) {
	}

	/**
	 * The texts of one shape: the single-row statement and, made when first asked for, those of 2 to
	 * {@link #MAX_KEPT_ROWS} rows. Strings are immutable, so a text another thread stored is safe to read; two
	 * threads making the same text at once store equal strings.
	 */
	private static final class Texts {
		final String one;
		final String[] many = new String[MAX_KEPT_ROWS + 1];

		Texts(String one) {
			this.one = one;
		}
	}

	private final String table;
	private final List<String> columns = new ArrayList<>();
	private final List<Object> values = new ArrayList<>();
	/** This row's texts, found on the first {@link #sql} call after the last column was added. */
	private Texts texts;

	private Insert(String table) {
		this.table = table;
	}

	public static Insert into(String table) {
		return new Insert(table);
	}

	/** Adds a column and its value. */
	public Insert value(String column, Object value) {
		texts = null;
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
		return texts().one;
	}

	/**
	 * The statement inserting {@code rows} rows of this table and columns: one {@code (?, …)} tuple per row. The
	 * texts up to {@link #MAX_KEPT_ROWS} rows are made once per shape and kept: a group commit writes one such
	 * statement per table for every group, and the same text lets the driver reuse its parsed and prepared
	 * statement (issue 17).
	 */
	String sql(int rows) {
		if (rows == 1) {
			return sql();
		}
		if (rows > MAX_KEPT_ROWS) {
			return text(rows);
		}
		Texts known = texts();
		String text = known.many[rows];
		if (text == null) {
			text = text(rows);
			known.many[rows] = text;
		}
		return text;
	}

	private Texts texts() {
		Texts known = texts;
		if (known == null) {
			Shape shape = new Shape(table, List.copyOf(columns));
			known = STATEMENTS.get(shape);
			if (known == null) {
				known = new Texts(text(1));
				if (STATEMENTS.size() < MAX_SHAPES) {
					Texts first = STATEMENTS.putIfAbsent(shape, known);
					known = first == null ? known : first;
				}
			}
			texts = known;
		}
		return known;
	}

	private String text(int rows) {
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
