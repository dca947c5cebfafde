package com.kcm.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * SPEC §11: with a replica configured, read-only transactions of report requests read from it; every other
 * read, and any write (an audit entry of an export), goes to the primary.
 */
class ReportReplicaTests {

	final HikariDataSource primary = pool("primary");
	final HikariDataSource replica = pool("replica");
	final ReportReplica.Routing routing = new ReportReplica.Routing(primary, replica);
	final JdbcClient jdbc = JdbcClient.create(routing);
	final DataSourceTransactionManager transactions = new DataSourceTransactionManager(routing);

	static HikariDataSource pool(String name) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl("jdbc:h2:mem:replica-test-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		ds.setMaximumPoolSize(2);
		JdbcClient.create(ds).sql("create table which (name varchar(20))").update();
		JdbcClient.create(ds).sql("insert into which values ('" + name + "')").update();
		return ds;
	}

	@AfterEach
	void close() {
		routing.close();
	}

	String read(boolean readOnly) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.setReadOnly(readOnly);
		return tx.execute(s -> jdbc.sql("select name from which").query(String.class).single());
	}

	@Test
	void aReportsReadOnlyTransactionReadsFromTheReplica() {
		AtomicReference<String> seen = new AtomicReference<>();
		ReportReplica.asReport(() -> seen.set(read(true)));
		assertThat(seen.get()).isEqualTo("replica");
	}

	@Test
	void otherReadsAndAnyReadWriteTransactionUseThePrimary() {
		assertThat(read(true)).as("a page's read-only transaction").isEqualTo("primary");
		assertThat(read(false)).isEqualTo("primary");
		AtomicReference<String> seen = new AtomicReference<>();
		ReportReplica.asReport(() -> seen.set(read(false)));
		assertThat(seen.get()).as("a write inside a report request").isEqualTo("primary");
	}
}
