package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.support.KcmTest;

/**
 * A request that only touches a session (every page a signed-in user opens) does not rewrite the session's row until
 * its last access time has moved by a minute; any other change is written at once. Runs on H2 and on PostgreSQL,
 * each with its own statement (issue 17).
 */
@KcmTest
class SessionRowWrittenWhenWorthItTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> customizer;

	SessionRepository<Session> store;
	String id;
	Instant created;

	@BeforeEach
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void aSavedSession() {
		JdbcIndexedSessionRepository jdbcStore = new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
		customizer.customize(jdbcStore);
		store = (SessionRepository) jdbcStore; // its session class is not public: seen through the Session interface
		Session s = store.createSession();
		store.save(s);
		id = s.getId();
		created = s.getLastAccessedTime();
	}

	@AfterEach
	void deleteIt() {
		store.deleteById(id);
	}

	@Test
	void aTouchWithinTheMinuteIsNotWrittenALaterOneIs() {
		touch(Duration.ofSeconds(59));
		assertThat(row().get("last_access_time")).as("59 s later: the row is left").isEqualTo(created.toEpochMilli());

		touch(Duration.ofSeconds(60));
		assertThat(row().get("last_access_time")).as("a minute later: written").isEqualTo(created.plusSeconds(60).toEpochMilli());
		assertThat(row().get("expiry_time")).isEqualTo(created.plusSeconds(60).plus(store.findById(id).getMaxInactiveInterval())
				.toEpochMilli());
	}

	@Test
	void anyOtherChangeIsWrittenAtOnceWithTheTouch() {
		Session s = store.findById(id);
		s.setLastAccessedTime(created.plusSeconds(5));
		s.setMaxInactiveInterval(Duration.ofHours(1));
		store.save(s);
		assertThat(row()).containsEntry("max_inactive_interval", 3600)
				.containsEntry("last_access_time", created.plusSeconds(5).toEpochMilli());

		s = store.findById(id);
		s.setLastAccessedTime(created.plusSeconds(10));
		s.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "signed.in");
		store.save(s);
		assertThat(row()).containsEntry("principal_name", "signed.in");

		s = store.findById(id);
		String newId = s.changeSessionId();
		store.save(s);
		assertThat(store.findById(newId)).as("a changed session id (sign-in) is written").isNotNull();
		id = newId;
	}

	@Test
	void anAttributeAddedWithinTheMinuteIsWrittenAndTheRowLeft() {
		Session s = store.findById(id);
		s.setLastAccessedTime(created.plusSeconds(20));
		s.setAttribute("token", "abc");
		store.save(s);
		assertThat((String) store.findById(id).getAttribute("token")).isEqualTo("abc");
		assertThat(row().get("last_access_time")).isEqualTo(created.toEpochMilli());
	}

	private void touch(Duration after) {
		Session s = store.findById(id);
		s.setLastAccessedTime(created.plus(after));
		store.save(s);
	}

	private Map<String, Object> row() {
		Map<String, Object> r = new java.util.HashMap<>();
		jdbc.queryForMap("select last_access_time, expiry_time, max_inactive_interval, principal_name from spring_session "
				+ "where session_id = ?", id).forEach((k, v) -> r.put(k.toLowerCase(java.util.Locale.ROOT),
						v instanceof Number n && !(v instanceof Integer) ? Long.valueOf(n.longValue()) : v));
		return r;
	}
}
