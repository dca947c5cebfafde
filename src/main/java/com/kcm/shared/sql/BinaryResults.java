package com.kcm.shared.sql;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * A large one-off read whose rows come from PostgreSQL in binary form. The driver asks for binary results
 * only for a statement it has prepared on the server, after five runs; a statement run once, such as the
 * assessment's facts query, gets text, and every number and instant of tens of thousands of rows is then
 * parsed from it (a timestamp with its time zone rules, per value). Asked for binary results from the
 * first run, the driver prepares the statement in one more message and receives instants as microseconds,
 * numbers as bytes. On H2 this is a plain query.
 */
@Component
public class BinaryResults {

	private static final MethodHandle SET_PREPARE_THRESHOLD = prepareThreshold();

	private final NamedParameterJdbcTemplate plain;
	private final NamedParameterJdbcTemplate binary;
	private final Databases databases;

	BinaryResults(JdbcTemplate jdbc, Databases databases) {
		this.plain = new NamedParameterJdbcTemplate(jdbc);
		this.binary = new NamedParameterJdbcTemplate(jdbc) {
			@Override
			protected PreparedStatementCreator getPreparedStatementCreator(String sql, SqlParameterSource params,
					Consumer<PreparedStatementCreatorFactory> customizer) {
				PreparedStatementCreator creator = super.getPreparedStatementCreator(sql, params, customizer);
				return connection -> binary(creator.createPreparedStatement(connection));
			}
		};
		this.databases = databases;
	}

	/** The rows of {@code sql} with named parameters, as {@code NamedParameterJdbcTemplate} reads them. */
	public <T> List<T> query(String sql, SqlParameterSource params, RowMapper<T> mapper) {
		boolean forceBinary = SET_PREPARE_THRESHOLD != null && databases.isPostgres();
		return (forceBinary ? binary : plain).query(sql, params, mapper);
	}

	private static PreparedStatement binary(PreparedStatement statement) throws SQLException {
		try {
			// The driver's documented switch: a negative threshold forces binary transfer from the first run.
			SET_PREPARE_THRESHOLD.invoke(statement.unwrap(SET_PREPARE_THRESHOLD.type().parameterType(0)), -1);
		} catch (SQLException | RuntimeException | Error e) {
			throw e;
		} catch (Throwable t) {
			throw new IllegalStateException(t);
		}
		return statement;
	}

	/** {@code PGStatement.setPrepareThreshold(int)}, or null without the PostgreSQL driver. */
	private static MethodHandle prepareThreshold() {
		try {
			Class<?> pgStatement = Class.forName("org.postgresql.PGStatement");
			return MethodHandles.publicLookup().findVirtual(pgStatement, "setPrepareThreshold",
					MethodType.methodType(void.class, int.class));
		} catch (ReflectiveOperationException | LinkageError e) {
			return null;
		}
	}
}
