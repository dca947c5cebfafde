package com.kcm.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deadline rules hold for any calendar and any start, not just the worked examples: each case is a
 * random calendar (holiday runs, make-up weekends, published years) and random starts, built from its seed
 * so a failure can be replayed.
 */
class DeadlinesLandOnWorkingDaysAndNeverMoveEarlierTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
	private static final int SPAN_DAYS = 3 * 365;
	private static final LocalTime[] CUT_OFFS = { LocalTime.of(16, 30), LocalTime.of(16, 30), LocalTime.of(9, 0),
			LocalTime.of(23, 59), LocalTime.MIDNIGHT };

	static Stream<Long> seeds() {
		return LongStream.range(0, 300).mapToObj(i -> 20_261_127L + i * 7919);
	}

	/** One generated situation: a calendar, a cut-off, a start and a limit. */
	private record Case(DeadlineRules rules, LocalTime cutOff, Instant start, int days, int workingDays, Random random) {
	}

	private static Case generate(long seed) {
		Random r = new Random(seed);
		Map<LocalDate, DayKind> days = new HashMap<>();
		int runs = 5 + r.nextInt(20);
		for (int i = 0; i < runs; i++) {
			LocalDate from = FIRST.plusDays(r.nextInt(SPAN_DAYS));
			int length = 1 + r.nextInt(9);
			for (int d = 0; d < length; d++) {
				days.put(from.plusDays(d), DayKind.HOLIDAY);
			}
		}
		int makeUps = r.nextInt(12);
		for (int i = 0; i < makeUps; i++) {
			LocalDate d = FIRST.plusDays(r.nextInt(SPAN_DAYS));
			while (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				d = d.plusDays(1);
			}
			days.put(d, DayKind.MAKEUP_WORKDAY);
		}
		Set<Integer> published = new HashSet<>();
		for (int y = 2025; y <= 2027; y++) {
			if (r.nextBoolean()) {
				published.add(y);
			}
		}
		LocalTime cutOff = CUT_OFFS[r.nextInt(CUT_OFFS.length)];
		return new Case(new DeadlineRules(days, published, ZONE), cutOff, randomInstant(r, cutOff), r.nextInt(15),
				1 + r.nextInt(15), r);
	}

	/** Mostly anywhere in the span; often exactly at the cut-off or one second after it. */
	private static Instant randomInstant(Random r, LocalTime cutOff) {
		LocalDate date = FIRST.plusDays(r.nextInt(SPAN_DAYS - 60));
		LocalTime time = switch (r.nextInt(4)) {
			case 0 -> cutOff;
			case 1 -> cutOff.plusSeconds(1);
			default -> LocalTime.ofSecondOfDay(r.nextInt(24 * 3600));
		};
		return LocalDateTime.of(date, time).atZone(ZONE).toInstant();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aDayLimitDeadlineFallsOnAWorkingDayAtTheCutOffNotBeforeTheLimit(long seed) {
		Case c = generate(seed);
		LocalDateTime due = local(c.rules().dayLimit(c.start(), c.days(), c.cutOff()));

		assertThat(due.toLocalTime()).isEqualTo(c.cutOff());
		assertThat(c.rules().isWorkingDay(due.toLocalDate())).isTrue();
		LocalDate earliest = c.rules().businessDate(c.start(), c.cutOff()).plusDays(c.days());
		assertThat(due.toLocalDate()).isAfterOrEqualTo(earliest);
		for (LocalDate d = earliest; d.isBefore(due.toLocalDate()); d = d.plusDays(1)) {
			assertThat(c.rules().isWorkingDay(d)).as("%s is skipped, so it is not a working day", d).isFalse();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aWorkingDayDeadlineFallsOnTheNthWorkingDayAfterTheBusinessDateAtTheCutOff(long seed) {
		Case c = generate(seed);
		LocalDateTime due = local(c.rules().workingDays(c.start(), c.workingDays(), c.cutOff()));

		assertThat(due.toLocalTime()).isEqualTo(c.cutOff());
		assertThat(c.rules().isWorkingDay(due.toLocalDate())).isTrue();
		LocalDate businessDate = c.rules().businessDate(c.start(), c.cutOff());
		long working = businessDate.plusDays(1).datesUntil(due.toLocalDate().plusDays(1)).filter(c.rules()::isWorkingDay).count();
		assertThat(working).isEqualTo(c.workingDays());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aLaterStartNeverGivesAnEarlierDeadline(long seed) {
		Case c = generate(seed);
		Instant later = c.start().plusSeconds(c.random().nextInt(10 * 24 * 3600));
		if (c.random().nextInt(5) == 0) {
			later = c.start().plusSeconds(1);
		}
		DeadlineRules rules = c.rules();

		assertThat(rules.dayLimit(later, c.days(), c.cutOff()).at())
				.isAfterOrEqualTo(rules.dayLimit(c.start(), c.days(), c.cutOff()).at());
		assertThat(rules.workingDays(later, c.workingDays(), c.cutOff()).at())
				.isAfterOrEqualTo(rules.workingDays(c.start(), c.workingDays(), c.cutOff()).at());
		assertThat(rules.sameDay(later, c.cutOff()).at()).isAfterOrEqualTo(rules.sameDay(c.start(), c.cutOff()).at());
		assertThat(rules.businessDate(later, c.cutOff())).isAfterOrEqualTo(rules.businessDate(c.start(), c.cutOff()));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void addingAHolidayNeverMovesADeadlineEarlier(long seed) {
		Case c = generate(seed);
		LocalDate holiday = c.rules().businessDate(c.start(), c.cutOff()).plusDays(c.random().nextInt(30));
		DeadlineRules more = c.rules().with(holiday, DayKind.HOLIDAY);

		Deadline before = c.rules().dayLimit(c.start(), c.days(), c.cutOff());
		Deadline after = more.dayLimit(c.start(), c.days(), c.cutOff());
		assertThat(after.at()).isAfterOrEqualTo(before.at());
		if (!holiday.equals(local(before).toLocalDate())) {
			assertThat(after.at()).as("a holiday on another day changes nothing").isEqualTo(before.at());
		}
		assertThat(more.workingDays(c.start(), c.workingDays(), c.cutOff()).at())
				.isAfterOrEqualTo(c.rules().workingDays(c.start(), c.workingDays(), c.cutOff()).at());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aDeadlineIsProvisionalExactlyWhenItLooksAtAYearWithoutASchedule(long seed) {
		Case c = generate(seed);
		LocalDate businessDate = c.rules().businessDate(c.start(), c.cutOff());

		Deadline dayLimit = c.rules().dayLimit(c.start(), c.days(), c.cutOff());
		boolean anyUnpublished = businessDate.plusDays(c.days()).datesUntil(local(dayLimit).toLocalDate().plusDays(1))
				.anyMatch(d -> !c.rules().isPublished(d.getYear()));
		assertThat(dayLimit.provisional()).isEqualTo(anyUnpublished);

		Deadline working = c.rules().workingDays(c.start(), c.workingDays(), c.cutOff());
		anyUnpublished = businessDate.plusDays(1).datesUntil(local(working).toLocalDate().plusDays(1))
				.anyMatch(d -> !c.rules().isPublished(d.getYear()));
		assertThat(working.provisional()).isEqualTo(anyUnpublished);
	}

	private static LocalDateTime local(Deadline d) {
		return LocalDateTime.ofInstant(d.at(), ZONE);
	}
}
