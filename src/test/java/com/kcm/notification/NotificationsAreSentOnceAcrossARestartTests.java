package com.kcm.notification;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.kcm.KcmApplication;
import com.kcm.complaint.ComplaintDispatched;
import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.Mailbox;

/**
 * The outbox and the sent-once log together: a dispatch committed while the mail server is down leaves its
 * publication incomplete; the next start of the application (a second context on the same database)
 * republishes it and the dealer gets exactly one mail; publishing the same event again sends nothing.
 * <p>
 * On H2 both contexts share one in-memory database that outlives the first; with {@code -Ppostgres} they use
 * the configured test database.
 */
class NotificationsAreSentOnceAcrossARestartTests {

	@Test
	void aDispatchNotifiedWhileTheMailServerWasDownIsSentExactlyOnceAfterARestart() throws Exception {
		boolean h2 = !"postgres".equals(System.getProperty("kcm.test.db", "h2"));
		String name = "notify-restart-" + UUID.randomUUID().toString().substring(0, 8);
		// One in-memory H2 database kept open between the two contexts (DB_CLOSE_DELAY=-1): what the
		// application sees is the same as a restart on a file or server database, without the slow disk.
		String dbUrl = h2 ? "jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" : null;
		int smtpPort = freePort();
		String dealerEmail = NotificationFixtures.email("restart");
		long complaintId;
		long workOrderId;
		long dealerId;
		try {
			// 1. The mail server is down: the listener fails, the publication stays incomplete.
			try (ConfigurableApplicationContext first = start(dbUrl, smtpPort)) {
				int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
				NotificationFixtures f = new NotificationFixtures(port, first.getBean(DealerNetwork.class));
				String dealer = f.dealer(f.region(), "重启测试服务商", null, dealerEmail);
				Api agent = f.user("CS_AGENT", null, null, null);
				Api specialist = f.user("AFTER_SALES", null, null, null);
				complaintId = f.complaint(agent, NotificationFixtures.mobile());
				workOrderId = f.dispatch(specialist, complaintId, dealer);
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				await(() -> status(jdbc, dealerEmail), "FAILED"::equals);
				assertThat(incomplete(jdbc, complaintId)).isPositive();
				dealerId = jdbc.sql("select dealer_id from work_order where id = :id").param("id", workOrderId)
						.query(Long.class).single();
			}

			// 2. The mail server is back and the application restarts: the publication is delivered once.
			GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
					.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			mail.start();
			try (ConfigurableApplicationContext second = start(dbUrl, smtpPort)) {
				JdbcClient jdbc = second.getBean(JdbcClient.class);
				await(() -> Mailbox.of(mail, dealerEmail), m -> !m.isEmpty());
				await(() -> incomplete(jdbc, complaintId), n -> n == 0);
				assertThat(Mailbox.of(mail, dealerEmail)).singleElement()
						.satisfies(m -> assertThat(m.subject()).contains(String.valueOf(complaintId)));
				assertThat(status(jdbc, dealerEmail)).isEqualTo("SENT");

				// 3. The same event once more (a redelivery after completion): nothing is sent again.
				long dealerIdFinal = dealerId;
				new TransactionTemplate(second.getBean(PlatformTransactionManager.class))
						.executeWithoutResult(s -> second.publishEvent(
								new ComplaintDispatched(complaintId, workOrderId, dealerIdFinal, Instant.now())));
				await(() -> incomplete(jdbc, complaintId), n -> n == 0);
				second.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(p -> true);
				Thread.sleep(300);
				assertThat(Mailbox.of(mail, dealerEmail)).hasSize(1);
				assertThat(jdbc.sql("select attempts from notification where recipient = :r").param("r", dealerEmail)
						.query(Integer.class).single()).isEqualTo(2);
			} finally {
				mail.stop();
			}
		} finally {
			if (h2) {
				try (var c = java.sql.DriverManager.getConnection(dbUrl, "sa", "")) {
					c.createStatement().execute("shutdown");
				}
			}
		}
	}

	static ConfigurableApplicationContext start(String dbUrl, int smtpPort) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--spring.main.banner-mode=off"));
		if (dbUrl != null) {
			args.add("--spring.datasource.url=" + dbUrl);
		}
		return new SpringApplicationBuilder(KcmApplication.class).run(args.toArray(String[]::new));
	}

	static String status(JdbcClient jdbc, String recipient) {
		return jdbc.sql("select status from notification where recipient = :r").param("r", recipient)
				.query(String.class).optional().orElse(null);
	}

	static long incomplete(JdbcClient jdbc, long complaintId) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null "
				+ "and serialized_event like :id").param("id", "%\"complaintId\":" + complaintId + ",%")
				.query(Long.class).single();
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			s.setReuseAddress(true);
			return s.getLocalPort();
		}
	}

}
