package com.kcm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** Users may carry an e-mail and a mobile (both optional, both checked) for notifications. */
@KcmTest
class UsersHaveContactDataForNotificationsTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void theUserFormTakesAnEmailAndAMobile() throws Exception {
		var admin = userDetails.loadUserByUsername("admin");
		String form = mvc.perform(get("/admin/users/new").with(user(admin))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(form).contains("name=\"email\"", "name=\"mobile\"", "邮箱");
		String username = "p" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/users/new").param("username", username).param("password", "secret-123")
				.param("displayName", "页面用户").param("roles", "CS_AGENT").param("enabled", "true")
				.param("email", username + "@kcm.example").param("mobile", "13800001111").with(user(admin)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		Api.Answer list = new Api(port).as("admin", "admin-test-pass").get("/users?q=" + username);
		assertThat(list.json().get("items").get(0).get("email").asString()).isEqualTo(username + "@kcm.example");
		String invalid = mvc.perform(post("/admin/users/new").param("username", "q" + username.substring(1))
				.param("password", "secret-123").param("displayName", "页面用户").param("roles", "CS_AGENT")
				.param("email", "kaputt").with(user(admin)).with(csrf())).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(invalid).contains("邮箱格式不正确");
	}

	@Test
	void anAdministratorGivesAUserAnEmailAndAMobile() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		Api.Answer a = admin.post("/users", Map.of("username", username, "password", "secret-123", "displayName",
				"通知用户", "roles", List.of("AFTER_SALES"), "email", username + "@kcm.example", "mobile", "13912345678"));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		assertThat(a.json().get("email").asString()).isEqualTo(username + "@kcm.example");
		assertThat(a.json().get("mobile").asString()).isEqualTo("13912345678");
	}

	@Test
	void aMalformedEmailOrMobileIsRefusedAndNamed() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer a = admin.post("/users", Map.of("username", "u" + UUID.randomUUID().toString().substring(0, 8),
				"password", "secret-123", "displayName", "通知用户", "roles", List.of("AFTER_SALES"), "email", "not-mail",
				"mobile", "12345"));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").findValuesAsString("field")).contains("email", "mobile");
	}
}
