package com.kcm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** A revoked token is refused on the very next call once a change to a user commits on this instance ({@link UserChanged}). */
@KcmTest
class RememberedTokensAreForgottenWhenAUserChangesTests {

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRevokedTokenIsRefusedAtOnceAfterAUserChangeCommits() {
		String username = Api.createUser(port, "rev", "CS_AGENT", null);
		Api api = new Api(port).as(username, "secret-123");
		assertThat(api.get("/work-orders").status()).isEqualTo(200);
		long id = users.findByUsername(username).orElseThrow().getId();
		jdbc.sql("delete from api_token where user_id = ?").param(id).update();
		assertThat(api.get("/work-orders").status()).as("still remembered").isEqualTo(200);

		new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new UserChanged(id)));
		assertThat(api.get("/work-orders").status()).isEqualTo(401);
	}

	@Test
	void aChangeThatRollsBackForgetsNothing() {
		String username = Api.createUser(port, "rev", "CS_AGENT", null);
		Api api = new Api(port).as(username, "secret-123");
		assertThat(api.get("/work-orders").status()).isEqualTo(200);
		long id = users.findByUsername(username).orElseThrow().getId();
		jdbc.sql("delete from api_token where user_id = ?").param(id).update();

		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			events.publishEvent(new UserChanged(id));
			tx.setRollbackOnly();
		});
		assertThat(api.get("/work-orders").status()).as("still remembered").isEqualTo(200);
	}
}
