package com.kcm.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import com.kcm.shared.sql.Databases;

/**
 * The HTTP sessions kept in the database (Spring Session JDBC, SPEC §11). Two requests of one session that each
 * add the same attribute (a browser's parallel requests after signing in, each creating the CSRF token) both
 * found it absent and both inserted it: the second failed on the attributes' primary key and the user saw an error
 * page (spring-session issues 1213 and 2564). An attribute is therefore written as an upsert: PostgreSQL's
 * {@code on conflict … do update} (Spring Session's own customizer for it), H2's {@code merge … key}.
 * <p>
 * Spring Session also rewrote the session's row on every request, only to move its last access time: a durable
 * write, and a dead row for the vacuum, behind every page a user opens. The row is now written when something
 * other than the last access time changed, or when that time moved by at least {@link #TOUCH_INTERVAL_MS}. A
 * session kept busy keeps its expiry up to date within a minute of its eight hours; one left alone may end up to
 * a minute early (docs/decisions.md).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/** H2's form of the same upsert; the parameters are the same as the default insert's. */
	static final String H2_CREATE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

	/** How far the last access time must have moved before a request that changed nothing else writes it. */
	static final long TOUCH_INTERVAL_MS = 60_000;

	/** The new values, in the parameter order of Spring Session's update (id, last access, max inactive, expiry, principal, primary id). */
	private static final String NEW_VALUES = """
			(VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS VARCHAR(100)),
			CAST(? AS CHAR(36)))) AS V (SESSION_ID, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME, PRIMARY_ID)""";

	private static final String WORTH_WRITING = "(S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL"
			+ " OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= "
			+ TOUCH_INTERVAL_MS + ")";

	private static final String NEW_ROW = "SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME, "
			+ "MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME";

	/** PostgreSQL: the session's row updated only when worth writing. */
	static final String POSTGRES_UPDATE_SESSION = "UPDATE %TABLE_NAME% S SET " + NEW_ROW + " FROM " + NEW_VALUES
			+ " WHERE S.PRIMARY_ID = V.PRIMARY_ID AND " + WORTH_WRITING;

	/** H2 has no {@code update … from}: the same as a merge. */
	static final String H2_UPDATE_SESSION = "MERGE INTO %TABLE_NAME% S USING " + NEW_VALUES
			+ " ON S.PRIMARY_ID = V.PRIMARY_ID WHEN MATCHED AND " + WORTH_WRITING + " THEN UPDATE SET " + NEW_ROW;

	/** Attributes written as upserts, the session's row only when worth writing: each database in its own SQL. */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionWrites(Databases databases) {
		return repository -> {
			if (databases.isPostgres()) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
				repository.setUpdateSessionQuery(POSTGRES_UPDATE_SESSION);
			} else {
				repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
				repository.setUpdateSessionQuery(H2_UPDATE_SESSION);
			}
		};
	}
}
