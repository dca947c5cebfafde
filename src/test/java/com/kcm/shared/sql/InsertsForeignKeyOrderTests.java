package com.kcm.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.support.KcmTest;

/**
 * On PostgreSQL, {@link Inserts} reads the tables' foreign keys from the catalogue and writes a table after the
 * tables it references, whatever order the rows come in (several callers' rows in one group commit). Runs only
 * against PostgreSQL (./mvnw verify -Ppostgres): on H2 the rows go one statement each, in their order. The
 * tables are made and dropped inside a transaction that rolls back.
 */
@KcmTest
@EnabledIfSystemProperty(named = "kcm.test.db", matches = "postgres")
class InsertsForeignKeyOrderTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Databases databases;

	@Autowired
	ObjectProvider<RowMapping<?>> mappings;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void rowsGivenBeforeTheRowsTheyReferenceAreWrittenAfterThemInOneStatementPerTable() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.execute("create table fk_order_owner (id bigint primary key, name text not null)");
			jdbc.execute("create table fk_order_car (id bigint primary key, owner_id bigint not null "
					+ "references fk_order_owner, vin text not null unique)");
			jdbc.update("insert into fk_order_owner (id, name) values (1, 'known')");
			Inserts inserts = new Inserts(jdbc, databases, mappings); // reads the catalogue with these tables in it

			inserts.insert(List.of( // a known owner's new car, then a new owner with a car (two callers' rows):
					// in the order of their first rows the cars would go before the new owner
					Insert.into("fk_order_car").value("id", 10L).value("owner_id", 1L).value("vin", "A"),
					Insert.into("fk_order_owner").value("id", 2L).value("name", "new"),
					Insert.into("fk_order_car").value("id", 11L).value("owner_id", 2L).value("vin", "B")));

			assertThat(jdbc.queryForList("select id from fk_order_car where owner_id in (1, 2) order by id", Long.class))
					.containsExactly(10L, 11L);
			assertThat(jdbc.queryForObject("select count(*) from fk_order_owner", Long.class)).isEqualTo(2);
			status.setRollbackOnly();
		});
	}
}
