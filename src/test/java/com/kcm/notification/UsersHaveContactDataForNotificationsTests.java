package com.kcm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** Users may carry an e-mail and a mobile (both optional, both checked) for notifications. */
@KcmTest
class UsersHaveContactDataForNotificationsTests {

	@LocalServerPort
	int port;

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
