package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import com.kcm.support.KcmTest;

/**
 * Two requests of one signed-in session each add the same attribute (a browser's parallel requests each creating
 * the CSRF token): both read the session without it and both save it. The database session store must take the
 * second write, not answer it with an error page (the page benchmark's 16 connections on one session met this).
 * Runs on H2 and on PostgreSQL, each with its own upsert.
 */
@KcmTest
class SessionAttributesWrittenTwiceTests extends SessionStoreTestBase {

	@Test
	void twoRequestsAddingTheSameAttributeToOneSessionBothSucceedAndTheLaterWins() {
		SessionRepository<Session> store = sessions(customizedStore());
		String id = newSession(store);
		try {
			store.save(secondRequestAddingTheSameAttribute(store, id));

			assertThat((String) store.findById(id).getAttribute("token")).isEqualTo("from the second request");
		} finally {
			store.deleteById(id);
		}
	}

	@Test
	void withoutTheUpsertTheSecondRequestFails() {
		SessionRepository<Session> store = sessions(plainStore());
		String id = newSession(store);
		try {
			Session second = secondRequestAddingTheSameAttribute(store, id);

			assertThatThrownBy(() -> store.save(second)).isInstanceOf(DuplicateKeyException.class);
		} finally {
			store.deleteById(id);
		}
	}

	/**
	 * Two requests read the session, neither sees the attribute; the first adds it and is saved. Returns the second
	 * request's session with the same attribute added, not yet saved.
	 */
	private static Session secondRequestAddingTheSameAttribute(SessionRepository<Session> store, String id) {
		Session first = store.findById(id);
		Session second = store.findById(id);
		first.setAttribute("token", "from the first request");
		store.save(first);
		second.setAttribute("token", "from the second request");
		return second;
	}

	private static String newSession(SessionRepository<Session> store) {
		Session session = store.createSession();
		store.save(session);
		return session.getId();
	}
}
