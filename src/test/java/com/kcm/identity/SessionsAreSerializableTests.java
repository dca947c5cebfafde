package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.KcmTest;

/**
 * SPEC §11, two instances: sessions are stored in the database (Spring Session JDBC), which serializes every
 * attribute a session holds. A signed-in user's session — after pages, a refused form and a redirect with a
 * flash message — holds only attributes that can be stored.
 */
@KcmTest
class SessionsAreSerializableTests {

	@Autowired
	MockMvc mvc;

	@Test
	void whatASignedInSessionHoldsCanBeStoredInTheDatabase() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("admin")
				.password("admin-test-pass")).andReturn().getRequest().getSession(false);
		mvc.perform(get("/").session(session));
		mvc.perform(get("/complaints/new").session(session));
		mvc.perform(post("/complaints/new").session(session).with(csrf()).param("kind", "COMPLAINT"));
		mvc.perform(post("/admin/users/0/unlock").session(session).with(csrf()));
		mvc.perform(get("/customers").session(session));
		assertThat(Collections.list(session.getAttributeNames())).isNotEmpty();
		for (String name : Collections.list(session.getAttributeNames())) {
			try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
				out.writeObject(session.getAttribute(name));
			} catch (java.io.NotSerializableException e) {
				throw new AssertionError("session attribute " + name + " cannot be stored: " + e.getMessage(), e);
			}
		}
	}
}
