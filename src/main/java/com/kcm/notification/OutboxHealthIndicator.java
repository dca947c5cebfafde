package com.kcm.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Actuator health contributor {@code outbox}: the backlog of the reliable outbox — event publications not yet
 * completed and the age of the oldest, notifications failed (retried) and being sent. Always {@code UP} while
 * the database answers: a mail server that is down must not take instances out of the load balancer; the
 * figures are for monitoring (SPEC §11).
 */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

	private final JdbcClient jdbc;
	private final Clock clock;

	OutboxHealthIndicator(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Map<String, Object> publications = jdbc.sql("select count(*) as n, min(publication_date) as oldest "
				+ "from event_publication where completion_date is null").query().singleRow();
		long pending = ((Number) publications.get("n")).longValue();
		Object oldest = publications.get("oldest");
		Map<String, Long> notifications = new java.util.HashMap<>();
		jdbc.sql("select status, count(*) as n from notification where status in ('FAILED', 'SENDING') group by status")
				.query((rs, i) -> notifications.put(rs.getString(1), rs.getLong(2))).list();
		Health.Builder health = Health.up().withDetail("pendingPublications", pending)
				.withDetail("failedNotifications", notifications.getOrDefault("FAILED", 0L))
				.withDetail("sendingNotifications", notifications.getOrDefault("SENDING", 0L));
		Instant at = oldest instanceof Timestamp t ? t.toInstant()
				: oldest instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
		if (at != null) {
			health.withDetail("oldestPendingSeconds", Math.max(0, Duration.between(at, clock.instant()).toSeconds()));
		}
		return health.build();
	}
}
