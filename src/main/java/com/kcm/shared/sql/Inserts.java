package com.kcm.shared.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
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
 * <p>
 * On PostgreSQL the rows of one table and column list also share one statement, {@code insert … values (…),
 * (…)}: each statement costs the server a parse, a plan and an executor start, several times the cost of one
 * more row (a group of intakes was some sixty single-row statements, issue 17). The statements then follow the
 * tables' foreign keys — a table after every table it references — so a row never comes before a row it
 * refers to, whatever order the rows of several callers were given in; within a table the rows keep their
 * order. When the foreign keys form a cycle between tables, the rows go one statement each, in their order.
 * Errors come as Spring's {@link org.springframework.dao.DataAccessException}s, like those of JPA.
 */
@Component
public class Inserts {

	private final JdbcTemplate jdbc;
	private final Databases databases;
	private final ObjectProvider<RowMapping<?>> mappingBeans;
	private volatile Map<Class<?>, RowMapping<?>> mappings;
	/** The tables' places in foreign-key order (PostgreSQL), read once; null until read. */
	private volatile TableOrder tableOrder;

	/** The tables' places, or null when their foreign keys form a cycle. */
	private record TableOrder(ToIntFunction<String> places) {
	}

	/**
	 * Batch texts by the texts of their statements. A group commit's batches repeat a few compositions (the same
	 * tables with the same numbers of rows), and the same text lets the driver find the statement it parsed and
	 * prepared before instead of parsing a new one (issue 17). Bounded: past {@link #MAX_BATCH_TEXTS} texts new
	 * compositions are joined each time.
	 */
	private final Map<List<String>, String> batchTexts = new ConcurrentHashMap<>();
	static final int MAX_BATCH_TEXTS = 2_000;

	/** The most parameters one statement binds (PostgreSQL's protocol allows 65,535). */
	static final int MAX_PARAMETERS = 30_000;

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
				List<Statement> statements = statements(rows, tableOrder(connection));
				write(connection, batchText(statements), statements);
			} else {
				for (Statement statement : statements(rows, null)) {
					write(connection, statement.sql(), List.of(statement));
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

	/** The statements' texts as one, separated by semicolons (PostgreSQL's driver sends them as one message). */
	String batchText(List<Statement> statements) {
		List<String> parts = new ArrayList<>(statements.size());
		for (Statement statement : statements) {
			parts.add(statement.sql());
		}
		String text = batchTexts.get(parts);
		if (text == null) {
			text = String.join(";\n", parts);
			if (batchTexts.size() < MAX_BATCH_TEXTS) {
				String first = batchTexts.putIfAbsent(List.copyOf(parts), text);
				text = first == null ? text : first;
			}
		}
		return text;
	}

	private static void write(Connection connection, String sql, List<Statement> statements) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			int index = 1;
			for (Statement statement : statements) {
				for (Insert row : statement.rows()) {
					for (Object value : row.values()) {
						ps.setObject(index++, value);
					}
				}
			}
			ps.execute();
			for (Statement statement : statements) {
				int count = ps.getUpdateCount();
				if (count != statement.rows().size()) {
					throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(statement.sql(), statement.rows().size(),
							count);
				}
				ps.getMoreResults();
			}
		}
	}

	/** One statement of a batch and the rows whose values it binds, in order. */
	record Statement(String sql, List<Insert> rows) {
	}

	/**
	 * The statements that write {@code rows}: those of one table and column list together (at most
	 * {@link #MAX_PARAMETERS} values each), ordered by {@code tableOrder} (a table's place; equal places keep the
	 * order of their first row), the rows of a table in their given order. A null order: one statement per row.
	 */
	static List<Statement> statements(List<Insert> rows, ToIntFunction<String> tableOrder) {
		if (tableOrder == null) {
			return rows.stream().map(r -> new Statement(r.sql(), List.of(r))).toList();
		}
		Map<String, List<Insert>> byShape = new LinkedHashMap<>();
		for (Insert row : rows) {
			byShape.computeIfAbsent(row.sql(), k -> new ArrayList<>()).add(row);
		}
		List<Statement> statements = new ArrayList<>();
		for (List<Insert> shape : byShape.values()) {
			int perStatement = Math.max(1, MAX_PARAMETERS / Math.max(1, shape.get(0).values().size()));
			for (int from = 0; from < shape.size(); from += perStatement) {
				List<Insert> part = shape.subList(from, Math.min(shape.size(), from + perStatement));
				statements.add(new Statement(part.size() == 1 ? part.get(0).sql() : part.get(0).sql(part.size()),
						List.copyOf(part)));
			}
		}
		statements.sort(Comparator.comparingInt(st -> tableOrder.applyAsInt(st.rows().get(0).table())));
		return statements;
	}

	private ToIntFunction<String> tableOrder(Connection connection) throws SQLException {
		TableOrder order = tableOrder;
		if (order == null) {
			Map<String, Set<String>> references = new HashMap<>();
			try (PreparedStatement ps = connection.prepareStatement("select conrelid::regclass::text, "
					+ "confrelid::regclass::text from pg_constraint where contype = 'f' and conrelid <> confrelid");
					var rs = ps.executeQuery()) {
				while (rs.next()) {
					references.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
				}
			}
			order = new TableOrder(foreignKeyOrder(references));
			tableOrder = order;
		}
		return order.places();
	}

	/**
	 * Each table's place: 0 when it references no other table, else one more than the highest place of the
	 * tables it references ({@code references}: table → the tables its foreign keys point to). Tables that
	 * reference each other (a cycle) have no such place: then null.
	 */
	static ToIntFunction<String> foreignKeyOrder(Map<String, Set<String>> references) {
		Map<String, Integer> places = new HashMap<>();
		for (String table : references.keySet()) {
			if (place(table, references, places, new HashSet<>()) < 0) {
				return null;
			}
		}
		Map<String, Integer> known = Collections.unmodifiableMap(places);
		return table -> known.getOrDefault(table, 0);
	}

	private static int place(String table, Map<String, Set<String>> references, Map<String, Integer> places,
			Set<String> visiting) {
		Integer known = places.get(table);
		if (known != null) {
			return known;
		}
		if (!visiting.add(table)) {
			return -1; // a cycle
		}
		int place = 0;
		for (String referenced : references.getOrDefault(table, Set.of())) {
			int p = place(referenced, references, places, visiting);
			if (p < 0) {
				return -1;
			}
			place = Math.max(place, p + 1);
		}
		visiting.remove(table);
		places.put(table, place);
		return place;
	}
}
