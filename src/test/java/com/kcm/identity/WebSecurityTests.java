package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

@KcmTest
class WebSecurityTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	private MockHttpSession signIn(String user, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
	}

	@Test
	void pagesNeedASignInAndTheLoginPageIsChinese() throws Exception {
		mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("关键客户管理系统")));
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
		MockHttpSession session = signIn("admin", "admin-test-pass");
		mvc.perform(post("/admin/users/new").session(session).param("username", "nocsrf").param("password", "secret-123"))
				.andExpect(status().isForbidden());
	}

	@Test
	void pagesSendSecurityHeaders() throws Exception {
		mvc.perform(get("/login")).andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
	}

	@Test
	void anAdministratorCreatesAUserThroughTheFormAndTheChangeIsAudited() throws Exception {
		MockHttpSession session = signIn("admin", "admin-test-pass");
		String username = "form-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/users/new").session(session).with(csrf()).param("username", username)
				.param("password", "secret-123").param("displayName", "表单用户").param("roles", "FINANCE")
				.param("enabled", "true")).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/audit").session(session).param("entityType", "user").param("action", "CREATE"))
				.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(username)));
	}

	@Test
	void aFormWithErrorsShowsThemInChineseAndCreatesNothing() throws Exception {
		MockHttpSession session = signIn("admin", "admin-test-pass");
		String username = "bad-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/users/new").session(session).with(csrf()).param("username", username)
				.param("password", "1").param("displayName", "x").param("roles", "DEALER"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("密码至少 8 位")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("销售服务商用户必须指定服务商代码")));
		assertThat(new Api(port).as("admin", "admin-test-pass").get("/users?q=" + username).json().get("total").asLong())
				.isZero();
	}

	@Test
	void aUserWithoutTheAdminRoleIsForbiddenFromUserAdministrationAndTheAttemptIsAudited() throws Exception {
		String username = "fin-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(port).as("admin", "admin-test-pass").post("/users", Map.of("username", username, "password",
				"secret-123", "displayName", "财务", "roles", List.of("FINANCE")));
		MockHttpSession session = signIn(username, "secret-123");
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		MockHttpSession admin = signIn("admin", "admin-test-pass");
		mvc.perform(get("/audit").session(admin).param("actor", username).param("action", "ACCESS_DENIED"))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("/admin/users")));
	}

	@Test
	void theMenuShowsOnlyWhatTheRoleMayUse() throws Exception {
		String username = "cs-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(port).as("admin", "admin-test-pass").post("/users", Map.of("username", username, "password",
				"secret-123", "displayName", "座席", "roles", List.of("CS_AGENT")));
		String agentHome = mvc.perform(get("/").session(signIn(username, "secret-123"))).andReturn().getResponse()
				.getContentAsString();
		assertThat(agentHome).doesNotContain("href=\"/admin/users\"").doesNotContain("href=\"/audit\"");
		String adminHome = mvc.perform(get("/").session(signIn("admin", "admin-test-pass"))).andReturn().getResponse()
				.getContentAsString();
		assertThat(adminHome).contains("href=\"/admin/users\"").contains("href=\"/audit\"");
	}
}
