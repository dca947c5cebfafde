package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * A bearer token is remembered for a few seconds after it was read ({@code kcm.security.token-cache}, 10 s),
 * never beyond its expiry; a change to the user through the administration takes effect at once.
 */
@KcmTest
class TokenResolutionTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserRepository users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	UserAccount account(String username) {
		return users.findByUsername(username).orElseThrow();
	}

	@Test
	void aUserDisabledByTheAdministratorIsRefusedOnTheVeryNextCall() {
		String username = Api.createUser(port, "tok", "CS_AGENT", null);
		Api api = new Api(port).as(username, "secret-123");
		assertThat(api.get("/work-orders").status()).isEqualTo(200);

		administration.update(account(username).getId(),
				new UserCommand(username, "", "令牌用户", List.of("CS_AGENT"), null, null, false, false));
		assertThat(api.get("/work-orders").status()).isEqualTo(401);
	}

	@Test
	void aRoleTakenAwayByTheAdministratorIsGoneOnTheVeryNextCall() {
		String username = Api.createUser(port, "tok", "ADMIN", null);
		Api api = new Api(port).as(username, "secret-123");
		assertThat(api.get("/users").status()).isEqualTo(200);

		administration.update(account(username).getId(),
				new UserCommand(username, "", "令牌用户", List.of("CS_AGENT"), null, null, true, false));
		assertThat(api.get("/users").status()).isEqualTo(403);
	}

	@Test
	void aTokenRemovedBehindTheApplicationsBackStopsWorkingWithinTheCachePeriod() {
		String username = Api.createUser(port, "tok", "CS_AGENT", null);
		Api api = new Api(port).as(username, "secret-123");
		assertThat(api.get("/work-orders").status()).isEqualTo(200);
		// as another instance revoking it would: straight in the database
		jdbc.sql("delete from api_token where user_id = ?").param(account(username).getId()).update();

		assertThat(api.get("/work-orders").status()).as("still remembered").isEqualTo(200);
		clock.advance(Duration.ofSeconds(11));
		assertThat(api.get("/work-orders").status()).isEqualTo(401);
	}

	@Test
	void aRememberedTokenStillExpiresOnTime() {
		String username = Api.createUser(port, "tok", "CS_AGENT", null);
		Api api = new Api(port).as(username, "secret-123");
		clock.advance(Duration.ofHours(12).minusSeconds(3));
		assertThat(api.get("/work-orders").status()).as("valid for three more seconds").isEqualTo(200);
		clock.advance(Duration.ofSeconds(4));
		assertThat(api.get("/work-orders").status()).isEqualTo(401);
	}
}
