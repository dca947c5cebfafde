package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

@KcmTest
class SigningInTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String newUser(String role) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer a = admin.post("/users", Map.of("username", username, "password", "secret-123",
				"displayName", "测试用户", "roles", List.of(role)));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	@Test
	void theBootstrapAdministratorGetsATokenAndMayCreateUsers() {
		String username = newUser("CS_AGENT");
		assertThat(new Api(port).post("/auth/token", Map.of("username", username, "password", "secret-123")).status())
				.isEqualTo(200);
	}

	@Test
	void aCallWithoutTokenIsUnauthorizedAndAWrongRoleIsForbidden() {
		assertThat(new Api(port).get("/users").status()).isEqualTo(401);
		String agent = newUser("CS_AGENT");
		Api.Answer a = new Api(port).as(agent, "secret-123").post("/users",
				Map.of("username", "x" + agent, "password", "secret-123", "displayName", "x", "roles", List.of("ADMIN")));
		assertThat(a.status()).isEqualTo(403);
		assertThat(a.json().get("errors")).isNotEmpty();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountUntilTheLockoutHasPassed() {
		String username = newUser("FINANCE");
		Api api = new Api(port);
		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/auth/token", Map.of("username", username, "password", "wrong-pass")).status()).isEqualTo(401);
		}
		Api.Answer locked = api.post("/auth/token", Map.of("username", username, "password", "secret-123"));
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.body()).contains("locked");

		clock.advance(Duration.ofMinutes(16));
		assertThat(api.post("/auth/token", Map.of("username", username, "password", "secret-123")).status()).isEqualTo(200);
	}

	@Test
	void aDealerUserNeedsADealerCodeAndTheErrorNamesTheField() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		Api.Answer a = admin.post("/users", Map.of("username", "dealer-" + UUID.randomUUID().toString().substring(0, 6),
				"password", "secret-123", "displayName", "经销商", "roles", List.of("DEALER")));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").get(0).get("field").asString()).isEqualTo("dealerCode");
	}

	@Test
	void aShortPasswordIsRefusedAndNothingIsCreated() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String username = "short-" + UUID.randomUUID().toString().substring(0, 6);
		Api.Answer a = admin.post("/users", Map.of("username", username, "password", "123", "displayName", "x",
				"roles", List.of("CS_AGENT")));
		assertThat(a.status()).isEqualTo(422);
		assertThat(a.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(admin.get("/users?q=" + username).json().get("total").asLong()).isZero();
	}
}
