package com.kcm.identity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database session store as the application configures it ({@link SessionStore}), or Spring Session's own. */
abstract class SessionStoreTestBase {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> customizer;

	/** Spring Session's JDBC store without KCM's statements. */
	JdbcIndexedSessionRepository plainStore() {
		return new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
	}

	/** The store with KCM's statements ({@link SessionStore}). */
	JdbcIndexedSessionRepository customizedStore() {
		JdbcIndexedSessionRepository store = plainStore();
		customizer.customize(store);
		return store;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static SessionRepository<Session> sessions(JdbcIndexedSessionRepository store) {
		return (SessionRepository) store; // its session class is not public: seen through the Session interface
	}
}
