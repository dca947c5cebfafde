package com.kcm.shared.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one application instance at a time: each run first takes a lease on the job's
 * row in {@code job_lock} with one conditional UPDATE (atomic on PostgreSQL and H2), so when two
 * instances fire the same schedule, one runs and the other skips. The lease of a crashed instance is
 * taken over as soon as that instance is known to be dead ({@link Instances}), else when it expires. See docs/adr/0001-cluster-safe-jobs.md.
 */
@Component
public class ClusterJobs {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final String instance;

	ClusterJobs(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, Instances instances) {
		this.jdbc = jdbc;
		this.instance = instances.id();
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs {@code job} if this instance gets the lease for {@code name}; returns whether it ran. */
	public boolean runExclusively(String name, Duration lease, Runnable job) {
		if (!acquire(name, lease)) {
			log.debug("job {} is running elsewhere; skipped", name);
			return false;
		}
		try {
			job.run();
			return true;
		} finally {
			release(name);
		}
	}

	boolean acquire(String name, Duration lease) {
		Instant now = clock.instant();
		Boolean got = tx.execute(s -> {
			int updated = jdbc.sql("update job_lock set locked_until = :until, locked_by = :me "
					+ "where name = :name and (locked_until <= :now or " + Instances.notRunning("job_lock.locked_by") + ")")
					.param("until", Timestamp.from(now.plus(lease))).param("me", instance).param("name", name)
					.param("now", Timestamp.from(now)).update();
			if (updated == 1) {
				return true;
			}
			boolean exists = jdbc.sql("select count(*) from job_lock where name = :name").param("name", name)
					.query(Long.class).single() > 0;
			return exists ? false : null;
		});
		if (got != null) {
			return got;
		}
		try {
			return Boolean.TRUE.equals(tx.execute(s -> jdbc.sql("insert into job_lock (name, locked_until, locked_by) "
					+ "values (:name, :until, :me)").param("name", name).param("until", Timestamp.from(now.plus(lease)))
					.param("me", instance).update() == 1));
		} catch (DataIntegrityViolationException raced) {
			return false;
		}
	}

	void release(String name) {
		Instant now = clock.instant();
		tx.executeWithoutResult(s -> jdbc.sql("update job_lock set locked_until = :now, last_run_at = :now "
				+ "where name = :name and locked_by = :me").param("now", Timestamp.from(now)).param("name", name)
				.param("me", instance).update());
	}
}
