package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import com.kcm.support.KcmTest;

/**
 * A request that only touches a session (every page a signed-in user opens) does not rewrite the session's row until
 * its last access time has moved by a minute; any other change is written at once. Runs on H2 and on PostgreSQL,
 * each with its own statement (issue 17).
 */
@KcmTest
class SessionRowWrittenWhenWorthItTests extends SessionStoreTestBase {

	/** The stored row of a session, as the database holds it. */
	record Row(long lastAccessTime, long expiryTime, int maxInactiveInterval, String principalName) {
	}

	SessionRepository<Session> store;
	String id;
	Instant created;

	@BeforeEach
	void aSavedSession() {
		store = sessions(customizedStore());
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
		assertThat(row().lastAccessTime()).as("59 s later: the row is left").isEqualTo(created.toEpochMilli());

		touch(Duration.ofSeconds(60));
		assertThat(row().lastAccessTime()).as("a minute later: written").isEqualTo(created.plusSeconds(60).toEpochMilli());
		assertThat(row().expiryTime()).isEqualTo(created.plusSeconds(60).plus(store.findById(id).getMaxInactiveInterval())
				.toEpochMilli());
	}

	@Test
	void anyOtherChangeIsWrittenAtOnceWithTheTouch() {
		Session s = store.findById(id);
		s.setLastAccessedTime(created.plusSeconds(5));
		s.setMaxInactiveInterval(Duration.ofHours(1));
		store.save(s);
		assertThat(row().maxInactiveInterval()).isEqualTo(3600);
		assertThat(row().lastAccessTime()).isEqualTo(created.plusSeconds(5).toEpochMilli());

		s = store.findById(id);
		s.setLastAccessedTime(created.plusSeconds(10));
		s.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "signed.in");
		store.save(s);
		assertThat(row().principalName()).isEqualTo("signed.in");

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
		assertThat(row().lastAccessTime()).isEqualTo(created.toEpochMilli());
	}

	private void touch(Duration after) {
		Session s = store.findById(id);
		s.setLastAccessedTime(created.plus(after));
		store.save(s);
	}

	private Row row() {
		return jdbc.queryForObject("select last_access_time, expiry_time, max_inactive_interval, principal_name "
				+ "from spring_session where session_id = ?", (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3),
						rs.getString(4)), id);
	}
}
