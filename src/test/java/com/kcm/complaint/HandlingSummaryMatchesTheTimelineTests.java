package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.TimeConfig;
import com.kcm.support.KcmTest;

/**
 * The handling summary (ADR 0003) gives the assessment the very facts the timeline gives: seeded random
 * timelines — events out of order and on the same instant, several work orders per complaint, voided ones,
 * replies and callbacks before and after the cut-offs — are read through {@link HandlingFacts} and through
 * the timeline lookups it used before ({@link TimelineHandlingFacts}) for cut-offs inside the month, at its
 * usual date, exactly on an event and months later (a past month computed again), and for the next month's
 * online carry-over. Everything is written in one transaction that is rolled back.
 */
@KcmTest
class HandlingSummaryMatchesTheTimelineTests {

	private static final String[] STATUSES = { "REGISTERED", "DISPATCHED", "IN_PROGRESS", "CLOSURE_REQUESTED",
			"CLOSED", "FORCE_CLOSED", "CLOSED_UNREACHABLE", "CANCELLED" };
	private static final String[] CATEGORIES = { "PRODUCT_QUALITY", "SERVICE_PROCESS", "TECHNICAL_CAPABILITY",
			"PARTS_SUPPLY", "OTHER" };
	private static final String[] WORK_ORDER_STATUSES = { "DISPATCHED", "CONFIRMED", "TRANSFERRED", "VOIDED", "CLOSED" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HandlingFacts facts;

	@Autowired
	HandlingSummary summary;

	@Autowired
	PlatformTransactionManager transactions;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 })
	void theSummaryGivesTheFactsOfTheTimelineAtEveryCutoff(long seed) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			Random r = new Random(seed);
			YearMonth month = YearMonth.of(2040 + r.nextInt(20), 1 + r.nextInt(12));
			Instant start = start(month);
			long dealer = 900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 2;
			List<Long> complaints = new ArrayList<>();
			List<Instant> instants = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				complaints.add(randomTimeline(r, start, dealer, instants));
			}
			summary.refresh(new java.util.LinkedHashSet<>(complaints));

			TimelineHandlingFacts timeline = new TimelineHandlingFacts(jdbc);
			int compared = 0;
			int closedOrReplied = 0;
			for (YearMonth m : List.of(month, month.plusMonths(1))) {
				Instant from = start(m);
				Instant to = start(m.plusMonths(1));
				Instant usual = cutoff(m);
				Instant previousUsual = cutoff(m.minusMonths(1));
				List<Instant[]> cutoffs = new ArrayList<>(List.of(new Instant[] { usual, previousUsual },
						new Instant[] { from.plus(Duration.ofDays(10)), from.minus(Duration.ofDays(5)) },
						new Instant[] { cutoff(m.plusMonths(7)), previousUsual }));
				for (int k = 0; k < 4; k++) {
					Instant c = instants.get(r.nextInt(instants.size()));
					Instant pc = instants.get(r.nextInt(instants.size()));
					cutoffs.add(c.isAfter(pc) ? new Instant[] { c, pc } : new Instant[] { pc, c });
					Instant g = from.plus(Duration.ofHours(6L * r.nextInt(4 * 90)));
					cutoffs.add(new Instant[] { g, g.minus(Duration.ofDays(30)) });
				}
				for (Instant[] cp : cutoffs) {
					for (long d : List.of(dealer, dealer + 1)) {
						List<HandlingFact> expected = timeline.dispatchedBetween(from, to, cp[0], cp[1], d);
						assertThat(facts.dispatchedBetween(from, to, cp[0], cp[1], d))
								.as("month %s, cut-off %s, previous %s, dealer %s (seed %s)", m, cp[0], cp[1], d, seed)
								.isEqualTo(expected);
						List<HandlingFact> carried = timeline.onlineCarriedOver(from, cp[0], cp[1], d);
						assertThat(facts.onlineCarriedOver(from, cp[0], cp[1], d))
								.as("carry-over into %s, cut-off %s, previous %s, dealer %s (seed %s)", m, cp[0], cp[1],
										d, seed)
								.isEqualTo(carried);
						compared += expected.size() + carried.size();
						closedOrReplied += (int) expected.stream()
								.filter(f -> f.closedAtCutoff() && f.firstContactAt() != null && f.reachedCallbacks() > 0)
								.count();
					}
				}
			}
			assertThat(compared).as("facts compared").isGreaterThan(200);
			assertThat(closedOrReplied).as("facts with a closing, a contact and a callback").isPositive();

			// the repair command builds the rows kept above again, the same
			List<Map<String, Object>> kept = rows(complaints);
			assertThat(summary.rebuild(month)).isPositive();
			assertThat(summary.rebuild(month.minusMonths(1))).isPositive();
			assertThat(summary.rebuild(month.plusMonths(1))).isPositive();
			assertThat(rows(complaints)).isEqualTo(kept);
			status.setRollbackOnly();
		});
	}

	private List<Map<String, Object>> rows(List<Long> complaints) {
		List<Map<String, Object>> out = new ArrayList<>(jdbc
				.sql("select * from complaint_handling_summary where complaint_id in (:ids) order by complaint_id")
				.param("ids", complaints).query().listOfRows());
		out.addAll(jdbc.sql("select * from work_order_handling_summary where complaint_id in (:ids) order by work_order_id")
				.param("ids", complaints).query().listOfRows());
		return out;
	}

	/** One complaint with a random timeline around the month starting at {@code start}; returns its id. */
	private long randomTimeline(Random r, Instant start, long dealer, List<Instant> instants) {
		Instant registered = grid(r, start.minus(Duration.ofDays(20)), 50);
		String channel = new String[] { "HOTLINE_400", "ONLINE", "OTHER" }[r.nextInt(3)];
		String kind = r.nextInt(4) == 0 ? "REPAIR_REQUEST" : "COMPLAINT";
		List<Object[]> events = new ArrayList<>();
		events.add(new Object[] { "REGISTERED", registered, "REGISTERED", pick(r, CATEGORIES), null });
		for (int n = r.nextInt(9); n > 0; n--) {
			Instant at = grid(r, registered, 60);
			String to = r.nextInt(3) == 0 ? null : pick(r, STATUSES);
			String category = r.nextInt(4) == 0 ? pick(r, CATEGORIES) : null;
			events.add(new Object[] { to == null ? "CATEGORY_CORRECTED" : "CALLBACK", at, to, category, null });
		}
		Instant closedAt = events.stream().filter(e -> e[2] != null && ((String) e[2]).startsWith("CLOSED")
				|| "FORCE_CLOSED".equals(e[2])).map(e -> (Instant) e[1]).min(Instant::compareTo).orElse(null);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into complaint (kind, channel, category, description, customer_name, complainant_type, status,
				    registered_at, registered_by, first_dispatched_at, closed_at, last_event_at, online_negative)
				values (:kind, :channel, 'OTHER', '随机时间线', '测试', 'CUSTOMER', 'CLOSED', :registered, 'test',
				    :registered, :closed, :registered, :negative)
				""").param("kind", kind).param("channel", channel).param("registered", utc(registered))
				.param("closed", closedAt == null || r.nextInt(5) == 0 ? null : utc(closedAt))
				.param("negative", "ONLINE".equals(channel) ? r.nextBoolean() : null)
				.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		int workOrders = 1 + r.nextInt(3);
		for (int seq = 1; seq <= workOrders; seq++) {
			Instant dispatched = grid(r, registered, 20);
			String status = pick(r, WORK_ORDER_STATUSES);
			Instant ended = "VOIDED".equals(status) || "CLOSED".equals(status) || "TRANSFERRED".equals(status)
					? grid(r, dispatched, 30) : null;
			jdbc.sql("""
					insert into work_order (complaint_id, seq, dealer_id, status, transfer, dispatched_at, dispatched_by,
					    confirm_due_at, reply_due_at, close_due_at, ended_at)
					values (:c, :seq, :dealer, :status, :transfer, :at, 'test', :at, :reply, :close, :ended)
					""").param("c", id).param("seq", seq).param("dealer", dealer + r.nextInt(2)).param("status", status)
					.param("transfer", seq > 1 && r.nextBoolean()).param("at", utc(dispatched))
					.param("reply", utc(dispatched.plus(Duration.ofHours(24))))
					.param("close", r.nextInt(4) == 0 ? null : utc(dispatched.plus(Duration.ofDays(5))))
					.param("ended", ended == null ? null : utc(ended)).update();
			long wo = jdbc.sql("select id from work_order where complaint_id = ? and seq = ?").params(id, seq)
					.query(Long.class).single();
			for (int n = r.nextInt(4); n > 0; n--) {
				Instant at = grid(r, dispatched, 20);
				Instant contacted = r.nextInt(3) == 0 ? null : grid(r, dispatched.minus(Duration.ofDays(1)), 3);
				jdbc.sql("""
						insert into work_order_reply (work_order_id, at, contacted_customer_at, final_result, text, entered_by)
						values (?, ?, ?, false, '答复', 'test')
						""").params(wo, utc(at), contacted == null ? null : utc(contacted)).update();
				instants.add(at);
			}
		}
		Collections.shuffle(events, r); // ids out of timeline order; equal instants ordered by id
		for (Object[] e : events) {
			jdbc.sql("""
					insert into complaint_event (complaint_id, type, at, actor, to_status, category)
					values (?, ?, ?, 'test', ?, ?)
					""").params(id, e[0], utc((Instant) e[1]), e[2], e[3]).update();
			instants.add((Instant) e[1]);
		}
		for (int n = r.nextInt(5); n > 0; n--) {
			Instant at = grid(r, registered, 60);
			boolean reached = r.nextInt(3) > 0;
			jdbc.sql("""
					insert into complaint_callback (complaint_id, at, closure_round, reached, satisfied, false_reply, agent)
					values (?, ?, 1, ?, ?, ?, 'test')
					""").params(id, utc(at), reached, r.nextInt(3) == 0 ? null : r.nextBoolean(),
					r.nextInt(3) == 0 ? null : r.nextBoolean()).update();
			instants.add(at);
		}
		return id;
	}

	/** An instant on a six-hour grid within {@code days} days after {@code from}: equal instants are common. */
	private static Instant grid(Random r, Instant from, int days) {
		return from.plus(Duration.ofHours(6L * r.nextInt(4 * days)));
	}

	private static String pick(Random r, String[] values) {
		return values[r.nextInt(values.length)];
	}

	private static Instant start(YearMonth m) {
		return m.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	/** The usual cut-off of a month: the 15th of the next one, 16:30. */
	private static Instant cutoff(YearMonth m) {
		return m.plusMonths(1).atDay(15).atTime(LocalTime.of(16, 30)).atZone(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	private static java.time.OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}
}
