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
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/** H2's form of the same upsert; the parameters are the same as the default insert's. */
	static final String H2_CREATE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesWrittenAsUpserts(Databases databases) {
		return repository -> {
			if (databases.isPostgres()) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
			} else {
				repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
			}
		};
	}
}
