package com.kcm.shared.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The running application instances (table {@code app_instance}), so that the work of a crashed instance is
 * taken over promptly (SPEC §11): every instance registers at start, beats its row every
 * {@code kcm.instance.heartbeat} on a thread of its own (database time, so the instances' clocks need not
 * agree) and deletes it when it stops. {@link #removeDead()} deletes the rows whose beat is older than {@code kcm.instance.dead-after};
 * work held by an instance without a row (a notification claim, a job lease) may then be taken over.
 */
@Component
public class Instances implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Instances.class);

	private final JdbcClient jdbc;
	private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
	private final long deadAfterSeconds;
	private final Duration heartbeat;
	private volatile boolean running;
	private ScheduledExecutorService beats;

	Instances(JdbcClient jdbc, @Value("${kcm.instance.dead-after:15s}") Duration deadAfter,
			@Value("${kcm.instance.heartbeat:5s}") Duration heartbeat) {
		this.jdbc = jdbc;
		this.deadAfterSeconds = Math.max(1, deadAfter.toSeconds());
		this.heartbeat = heartbeat;
	}

	/** This instance's id (what it writes into claims and leases). */
	public String id() {
		return id;
	}

	@Override
	public void start() {
		beat();
		// a thread of its own: the scheduler's single thread may be busy with a long job for longer than dead-after
		beats = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "kcm-instance-heartbeat");
			t.setDaemon(true);
			return t;
		});
		beats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
		running = true;
	}

	/** Stopped: its row goes, so what it still holds is free at once (after the web server has drained). */
	@Override
	public void stop() {
		running = false;
		if (beats != null) {
			beats.shutdownNow();
		}
		try {
			jdbc.sql("delete from app_instance where id = :id").param("id", id).update();
		} catch (RuntimeException e) {
			log.warn("could not deregister instance {}: {}", id, e.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Early in start-up, late in shut-down (the web server stops first, the data source later). */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	/** Beats this instance's row (and writes it again when another instance took it for dead meanwhile). */
	void beat() {
		try {
			int updated = jdbc.sql("update app_instance set beat_at = current_timestamp where id = :id").param("id", id)
					.update();
			if (updated == 0) {
				jdbc.sql("insert into app_instance (id, started_at, beat_at) values (:id, current_timestamp, "
						+ "current_timestamp)").param("id", id).update();
			}
		} catch (RuntimeException e) {
			log.warn("instance heartbeat failed (database unreachable?): {}", e.toString());
		}
	}

	/** Deletes the rows of instances that stopped beating; returns their ids. */
	public List<String> removeDead() {
		List<String> dead = jdbc.sql("select id from app_instance where id <> :me and beat_at < current_timestamp - "
				+ deadAfterSeconds + " * interval '1' second").param("me", id).query(String.class).list();
		for (String other : dead) {
			jdbc.sql("delete from app_instance where id = :id").param("id", other).update();
			log.warn("instance {} stopped beating; its claims and leases are taken over", other);
		}
		return dead;
	}

	/** SQL condition: the instance named by {@code column} is not running (no row). */
	public static String notRunning(String column) {
		return "not exists (select 1 from app_instance ai where ai.id = " + column + ")";
	}
}
