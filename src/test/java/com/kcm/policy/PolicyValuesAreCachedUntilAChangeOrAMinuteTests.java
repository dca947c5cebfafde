package com.kcm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/**
 * The policy table is cached: a change committed on this instance ({@link PolicyChanged}) is seen at once, a
 * row written by another instance within a minute.
 */
@KcmTest
class PolicyValuesAreCachedUntilAChangeOrAMinuteTests {

	static final LocalDate DAY = LocalDate.of(2095, 6, 1);

	@Autowired
	Policies policies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void removeTheValuesOf2095() {
		clock.reset();
		jdbc.sql("delete from policy_value where effective_from >= date '2095-01-01'").update();
		policies.refresh();
	}

	void insertBehindTheApplicationsBack(int months) {
		jdbc.sql("""
				insert into policy_value (name, value_text, effective_from, reason, recorded_at, recorded_by)
				values ('ESCALATION_MONTHS', ?, date '2095-01-01', '另一实例', ?, 'other')""")
				.param(String.valueOf(months)).param(java.sql.Timestamp.from(Instant.now())).update();
	}

	@Test
	void aChangeCommittedOnThisInstanceIsSeenAtOnce() {
		policies.refresh();
		int before = policies.intOn(PolicyName.ESCALATION_MONTHS, DAY);
		insertBehindTheApplicationsBack(before + 7);
		assertThat(policies.intOn(PolicyName.ESCALATION_MONTHS, DAY)).as("still the cached table").isEqualTo(before);

		new TransactionTemplate(transactions).executeWithoutResult(
				tx -> events.publishEvent(new PolicyChanged("ESCALATION_MONTHS", String.valueOf(before + 7), DAY)));
		assertThat(policies.intOn(PolicyName.ESCALATION_MONTHS, DAY)).isEqualTo(before + 7);
	}

	@Test
	void aValueWrittenByAnotherInstanceIsSeenWithinAMinute() {
		policies.refresh();
		int before = policies.intOn(PolicyName.ESCALATION_MONTHS, DAY);
		insertBehindTheApplicationsBack(before + 3);
		clock.advance(Duration.ofSeconds(50));
		assertThat(policies.intOn(PolicyName.ESCALATION_MONTHS, DAY)).isEqualTo(before);
		clock.advance(Duration.ofSeconds(11));
		assertThat(policies.intOn(PolicyName.ESCALATION_MONTHS, DAY)).isEqualTo(before + 3);
	}
}
