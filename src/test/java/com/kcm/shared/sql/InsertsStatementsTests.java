package com.kcm.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@link Inserts} turns the rows of several callers into statements on PostgreSQL: one multi-row insert per
 * table and column list, the tables in foreign-key order.
 */
class InsertsStatementsTests {

	/** The intake tables' foreign keys as in the schema: vehicle → customer, complaint_event → complaint, work_order. */
	private static final Map<String, Set<String>> SCHEMA = Map.of(
			"vehicle", Set.of("customer", "dealer"),
			"complaint_event", Set.of("complaint", "work_order"),
			"work_order", Set.of("complaint"));

	@Test
	void aTableComesAfterEveryTableItReferences() {
		ToIntFunction<String> order = Inserts.foreignKeyOrder(SCHEMA);

		assertThat(order.applyAsInt("customer")).isLessThan(order.applyAsInt("vehicle"));
		assertThat(order.applyAsInt("dealer")).isLessThan(order.applyAsInt("vehicle"));
		assertThat(order.applyAsInt("complaint")).isLessThan(order.applyAsInt("work_order"));
		assertThat(order.applyAsInt("work_order")).isLessThan(order.applyAsInt("complaint_event"));
		assertThat(order.applyAsInt("audit_entry")).isZero(); // references nothing, known or not
	}

	@Test
	void tablesThatReferenceEachOtherGetOneStatementPerRowInTheGivenOrder() {
		ToIntFunction<String> order = Inserts.foreignKeyOrder(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
		List<Insert> rows = List.of(row("b", 1), row("a", 2), row("b", 3));

		assertThat(order).isNull();
		List<Inserts.Statement> statements = Inserts.statements(rows, order);

		assertThat(statements).extracting(s -> s.rows().size()).containsExactly(1, 1, 1);
		assertThat(statements).extracting(s -> s.rows().get(0)).containsExactlyElementsOf(rows);
	}

	@Test
	void rowsOfOneTableShareOneStatementWithOneTuplePerRow() {
		List<Insert> rows = List.of(row("complaint", 1), row("audit_entry", 2), row("complaint", 3), row("audit_entry", 4),
				row("complaint", 5));

		List<Inserts.Statement> statements = Inserts.statements(rows, Inserts.foreignKeyOrder(SCHEMA));

		assertThat(statements).hasSize(2);
		assertThat(statements.get(0).sql()).isEqualTo("insert into complaint (id, note) values (?, ?), (?, ?), (?, ?)");
		assertThat(statements.get(0).rows()).extracting(r -> r.values().get(0)).containsExactly(1L, 3L, 5L);
		assertThat(statements.get(1).sql()).isEqualTo("insert into audit_entry (id, note) values (?, ?), (?, ?)");
	}

	@Test
	void aStatementBindsAtMostTheParametersTheProtocolAllows() {
		List<Insert> rows = new ArrayList<>();
		for (int i = 0; i < Inserts.MAX_PARAMETERS; i++) { // two values each: twice the limit
			rows.add(row("audit_entry", i));
		}

		List<Inserts.Statement> statements = Inserts.statements(rows, Inserts.foreignKeyOrder(SCHEMA));

		assertThat(statements).hasSize(2);
		assertThat(statements).allSatisfy(s -> assertThat(s.rows().size() * 2).isLessThanOrEqualTo(Inserts.MAX_PARAMETERS));
		assertThat(statements.get(1).rows().get(0).values().get(0)).isEqualTo((long) Inserts.MAX_PARAMETERS / 2);
	}

	/**
	 * Property, over seeded random groups: registrations of known and new callers, with and without a new car,
	 * in any order. Every row is written exactly once, after every row it references, and the rows of a table
	 * keep their order.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void everyRowComesAfterTheRowsItReferencesWhateverTheCallersOrder(long seed) {
		Random random = new Random(seed);
		List<Insert> rows = new ArrayList<>();
		Map<Insert, List<Insert>> references = new HashMap<>();
		long id = 0;
		for (int r = 0, n = 1 + random.nextInt(32); r < n; r++) {
			Insert customer = null;
			if (random.nextBoolean()) {
				customer = row("customer", ++id);
				rows.add(customer);
				rows.add(row("audit_entry", ++id));
			}
			if (random.nextInt(3) == 0) {
				Insert vehicle = row("vehicle", ++id);
				references.put(vehicle, customer == null ? List.of() : List.of(customer));
				rows.add(vehicle);
				rows.add(row("audit_entry", ++id));
			}
			Insert complaint = row("complaint", ++id);
			rows.add(complaint);
			for (int e = 0, events = 1 + random.nextInt(2); e < events; e++) {
				Insert event = row("complaint_event", ++id);
				references.put(event, List.of(complaint));
				rows.add(event);
			}
			rows.add(row("complaint_handling_summary", ++id));
			rows.add(row("audit_entry", ++id));
		}

		List<Inserts.Statement> statements = Inserts.statements(rows, Inserts.foreignKeyOrder(SCHEMA));

		List<Insert> written = statements.stream().flatMap(s -> s.rows().stream()).toList();
		assertThat(written).containsExactlyInAnyOrderElementsOf(rows);
		Map<Insert, Integer> at = new HashMap<>();
		for (int i = 0; i < written.size(); i++) {
			at.put(written.get(i), i);
		}
		references.forEach((row, referenced) -> referenced
				.forEach(r -> assertThat(at.get(r)).as("%s before %s", r.table(), row.table()).isLessThan(at.get(row))));
		for (String table : List.of("customer", "vehicle", "complaint", "complaint_event", "audit_entry")) {
			assertThat(written.stream().filter(r -> r.table().equals(table)).toList())
					.containsExactlyElementsOf(rows.stream().filter(r -> r.table().equals(table)).toList());
		}
		assertThat(statements).allSatisfy(s -> assertThat(s.sql().split("\\), \\(").length).isEqualTo(s.rows().size()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 31, Insert.MAX_KEPT_ROWS, Insert.MAX_KEPT_ROWS + 1, 200 })
	void aMultiRowTextHasOneTuplePerRowAndIsMadeOncePerShapeUpToTheKeptRows(int n) {
		String text = row("complaint", 1).sql(n);

		assertThat(text).startsWith("insert into complaint (id, note) values (?, ?)");
		assertThat(text.split("\\(\\?, \\?\\)", -1)).hasSize(n + 1);
		assertThat(row("complaint", 2).sql(n)).isEqualTo(text);
		if (n <= Insert.MAX_KEPT_ROWS) { // the driver finds its parsed statement by this text
			assertThat(row("complaint", 2).sql(n)).isSameAs(text);
		}
	}

	@Test
	void aColumnAddedAfterTheTextWasAskedForChangesTheText() {
		Insert insert = row("complaint", 1);
		String before = insert.sql();

		insert.value("status", "REGISTERED");

		assertThat(before).isEqualTo("insert into complaint (id, note) values (?, ?)");
		assertThat(insert.sql()).isEqualTo("insert into complaint (id, note, status) values (?, ?, ?)");
		assertThat(insert.sql(2)).isEqualTo("insert into complaint (id, note, status) values (?, ?, ?), (?, ?, ?)");
	}

	@Test
	void aBatchOfTheSameCompositionIsTheSameTextAgain() {
		Inserts inserts = new Inserts(null, null, null);
		List<Insert> group = List.of(row("complaint", 1), row("audit_entry", 2), row("complaint", 3));
		List<Insert> sameComposition = List.of(row("complaint", 4), row("complaint", 5), row("audit_entry", 6));

		String text = inserts.batchText(Inserts.statements(group, Inserts.foreignKeyOrder(SCHEMA)));

		assertThat(text).isEqualTo("insert into complaint (id, note) values (?, ?), (?, ?);\n"
				+ "insert into audit_entry (id, note) values (?, ?)");
		assertThat(inserts.batchText(Inserts.statements(sameComposition, Inserts.foreignKeyOrder(SCHEMA)))).isSameAs(text);
		assertThat(inserts.batchText(Inserts.statements(group.subList(0, 2), Inserts.foreignKeyOrder(SCHEMA))))
				.isEqualTo("insert into complaint (id, note) values (?, ?);\ninsert into audit_entry (id, note) values (?, ?)");
	}

	private static Insert row(String table, long id) {
		return Insert.into(table).value("id", id).value("note", "n" + id);
	}
}
