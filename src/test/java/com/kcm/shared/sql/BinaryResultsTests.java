package com.kcm.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.kcm.support.KcmTest;

/**
 * {@link BinaryResults}: the same rows as a named-parameter query, list parameters expanded, and on PostgreSQL
 * the columns received in binary form from the statement's first run.
 */
@KcmTest
class BinaryResultsTests {

	static final String SQL = """
			select x as n, cast(:at as timestamp with time zone) as at
			from (values (1), (2), (3), (4)) as t(x) where x in (:xs) order by x""";

	/** The same query in other words: the driver keeps prepared statements per text, so it shares nothing with SQL. */
	static final String PLAIN = SQL.replace("select", "select /* plain */");

	@Autowired
	BinaryResults binary;
	@Autowired
	NamedParameterJdbcTemplate named;
	@Autowired
	Databases databases;

	record Read(long n, Instant at, int format) {
	}

	final Instant at = Instant.parse("2026-06-30T16:00:00.123456Z");

	MapSqlParameterSource params() {
		return new MapSqlParameterSource().addValue("at", at.atOffset(ZoneOffset.UTC)).addValue("xs", List.of(1, 3, 4));
	}

	@Test
	void readsWhatANamedParameterQueryReads() {
		List<Read> read = binary.query(SQL, params(), (rs, i) -> new Read(rs.getLong(1),
				rs.getObject(2, OffsetDateTime.class).toInstant(), 0));
		List<Read> plain = named.query(PLAIN, params(), (rs, i) -> new Read(rs.getLong(1),
				rs.getObject(2, OffsetDateTime.class).toInstant(), 0));

		assertThat(read).isEqualTo(plain).extracting(Read::n).containsExactly(1L, 3L, 4L);
		assertThat(read).extracting(Read::at).containsExactly(at, at, at);
	}

	@Test
	void onPostgresqlTheFirstRunReceivesBinaryColumnsAndTimestampsKeepTheirMicroseconds() {
		List<Read> read = binary.query(SQL, params(), (rs, i) -> {
			Timestamp t = rs.getTimestamp(2);
			return new Read(rs.getLong(1), t.toInstant(), format(rs.getMetaData()));
		});
		List<Read> plain = named.query(PLAIN.replace("plain", "plain, first run"), params(),
				(rs, i) -> new Read(rs.getLong(1), rs.getTimestamp(2).toInstant(), format(rs.getMetaData())));

		assertThat(read).extracting(Read::at).containsExactly(at, at, at);
		if (databases.isPostgres()) {
			assertThat(read).extracting(Read::format).as("binary (1) from the first run").containsOnly(1);
			assertThat(plain).extracting(Read::format).as("a plain statement's first run is text (0)").containsOnly(0);
		}
	}

	/** PostgreSQL's format of the second column (0 text, 1 binary); -1 on another database. */
	static int format(ResultSetMetaData meta) {
		try {
			Class<?> pg = Class.forName("org.postgresql.PGResultSetMetaData");
			Object m = meta.unwrap(pg);
			return (int) pg.getMethod("getFormat", int.class).invoke(m, 2);
		} catch (ReflectiveOperationException | java.sql.SQLException e) {
			return -1;
		}
	}
}
