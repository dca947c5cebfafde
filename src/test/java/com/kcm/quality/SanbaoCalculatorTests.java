package com.kcm.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kcm.quality.SanbaoCalculator.Item;
import com.kcm.quality.SanbaoCalculator.Order;
import com.kcm.shared.TimeConfig;

/** The rules of SPEC §7.8 at their edges, without a database or a clock. */
class SanbaoCalculatorTests {

	static final LocalDate START = LocalDate.of(2026, 1, 10);
	static final SanbaoPolicy LAW = SanbaoPolicy.LAW;
	static int seq;

	static Instant local(LocalDate d, int h, int m) {
		return LocalDateTime.of(d, java.time.LocalTime.of(h, m)).atZone(TimeConfig.BUSINESS_ZONE).toInstant();
	}

	static Order order(Instant opened, Duration length, String faultCode) {
		return new Order("RO" + (++seq), opened, length == null ? null : opened.plus(length), 1_000, "BRAKES", faultCode,
				true, false, List.of(), null, null);
	}

	static Order quality(int dayOffset, Duration length, String system, List<Item> replaced) {
		Instant opened = local(START.plusDays(dayOffset), 9, 0);
		return new Order("RO" + (++seq), opened, opened.plus(length), 1_000, system, "F-" + system, true, false,
				replaced, null, null);
	}

	static SanbaoState state(List<Order> orders, Instant at) {
		return SanbaoCalculator.compute("LSVAM4187C2184847", START, orders, LAW, at);
	}

	static SanbaoFlag flag(SanbaoState s, String code) {
		return s.flags().stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
	}

	static final Instant LATER = local(START.plusDays(300), 12, 0);

	@Test
	void art40CountsEveryStarted24HoursAsADay() {
		assertThat(SanbaoCalculator.repairDays(Duration.ofHours(23).plusMinutes(59))).isEqualTo(1);
		assertThat(SanbaoCalculator.repairDays(Duration.ofHours(24))).isEqualTo(1);
		assertThat(SanbaoCalculator.repairDays(Duration.ofHours(24).plusMinutes(1))).isEqualTo(2);
		assertThat(SanbaoCalculator.repairDays(Duration.ofHours(1))).isEqualTo(1);
		assertThat(SanbaoCalculator.repairDays(Duration.ofHours(25))).isEqualTo(2);
		assertThat(SanbaoCalculator.repairDays(Duration.ZERO)).isZero();
	}

	@Test
	void repairDaysAreSummedOverOrdersAsSeparatelyRoundedDays() {
		Instant t = local(START.plusDays(10), 8, 0);
		List<Order> orders = List.of(order(t, Duration.ofHours(23).plusMinutes(59), "A"),
				order(t.plus(Duration.ofDays(3)), Duration.ofHours(24), "B"),
				order(t.plus(Duration.ofDays(6)), Duration.ofHours(24).plusMinutes(1), "C"));
		assertThat(state(orders, LATER).repairDays()).isEqualTo(4);
	}

	@Test
	void thirtyRepairDaysApproachAndThirtyOneReach() {
		Instant t = local(START.plusDays(10), 8, 0);
		SanbaoState thirty = state(List.of(order(t, Duration.ofDays(30), "A")), LATER);
		assertThat(thirty.repairDays()).isEqualTo(30);
		assertThat(flag(thirty, "REPAIR_DAYS")).isEqualTo(new SanbaoFlag("REPAIR_DAYS", "APPROACHING", 30, 30, "24.1.4",
				null, null, null, null, null));
		SanbaoState thirtyOne = state(List.of(order(t, Duration.ofDays(30).plusMinutes(1), "A")), LATER);
		assertThat(flag(thirtyOne, "REPAIR_DAYS").state()).isEqualTo("REACHED");
		assertThat(flag(thirtyOne, "REPAIR_DAYS").figure()).isEqualTo(31);
		SanbaoState twentyFour = state(List.of(order(t, Duration.ofDays(24), "A")), LATER);
		assertThat(flag(twentyFour, "REPAIR_DAYS")).isNull();
		assertThat(flag(state(List.of(order(t, Duration.ofDays(25), "A")), LATER), "REPAIR_DAYS").state())
				.isEqualTo("APPROACHING");
	}

	@Test
	void excludedHoursShortenOnlyTheRepairDaysFlag() {
		Instant t = local(START.plusDays(10), 8, 0);
		Order o = new Order("RO-X", t, t.plus(Duration.ofDays(31)), 1_000, "BRAKES", "A", true, false, List.of(),
				new BigDecimal("24"), null);
		SanbaoState s = state(List.of(o), LATER);
		assertThat(s.repairDays()).isEqualTo(30);
		assertThat(flag(s, "REPAIR_DAYS").state()).isEqualTo("APPROACHING");
		assertThat(flag(s, "LONG_SINGLE_REPAIR").figure()).as("no exclusions for Art. 21").isEqualTo(31);
		Order more = new Order("RO-Y", t, t.plus(Duration.ofHours(5)), 1_000, "BRAKES", "A", true, false, List.of(),
				new BigDecimal("10"), null);
		assertThat(state(List.of(more), LATER).repairDays()).as("at least 0").isZero();
		Order half = new Order("RO-Z", t, t.plus(Duration.ofHours(25)), 1_000, "BRAKES", "A", true, false, List.of(),
				new BigDecimal("1.5"), null);
		assertThat(state(List.of(half), LATER).repairDays()).isEqualTo(1);
	}

	@Test
	void fourRepairsOfOneFaultApproachAndTheFifthReaches() {
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			orders.add(order(local(START.plusDays(10 + i * 20), 9, 0), Duration.ofHours(2), "P0300"));
		}
		orders.add(order(local(START.plusDays(15), 9, 0), Duration.ofHours(2), "OTHER-1"));
		SanbaoFlag four = flag(state(orders, LATER), "SAME_PROBLEM_REPAIRS");
		assertThat(four).isEqualTo(new SanbaoFlag("SAME_PROBLEM_REPAIRS", "APPROACHING", 4, 4, "24.1.4", "P0300", null,
				null, null, null));
		orders.add(order(local(START.plusDays(120), 9, 0), Duration.ofHours(2), "P0300"));
		SanbaoFlag five = flag(state(orders, LATER), "SAME_PROBLEM_REPAIRS");
		assertThat(five.state()).isEqualTo("REACHED");
		assertThat(five.figure()).isEqualTo(5);
		assertThat(five.faultCode()).isEqualTo("P0300");
		assertThat(flag(state(orders.subList(0, 3), LATER), "SAME_PROBLEM_REPAIRS")).isNull();
	}

	@Test
	void maintenanceAndOrdersOutsideThePeriodDoNotCount() {
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Instant t = local(START.plusDays(10 + i), 9, 0);
			orders.add(new Order("M" + i, t, t.plusSeconds(3600), 1_000, "ENGINE", "F", false, false, List.of(), null,
					null));
		}
		assertThat(state(orders, LATER).flags()).isEmpty();
		List<Order> late = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Instant t = local(START.plusYears(2).plusDays(i), 9, 0);
			late.add(new Order("L" + i, t, t.plusSeconds(3600), 1_000, "ENGINE", "F", true, false, List.of(), null, null));
		}
		assertThat(flag(state(late, local(START.plusYears(3), 9, 0)), "SAME_PROBLEM_REPAIRS"))
				.as("opened on start + 2 years: outside the 三包 period").isNull();
		List<Order> far = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Instant t = local(START.plusDays(100 + i), 9, 0);
			far.add(new Order("K" + i, t, t.plusSeconds(3600), 50_000, "ENGINE", "F", true, false, List.of(), null, null));
		}
		assertThat(flag(state(far, LATER), "SAME_PROBLEM_REPAIRS")).as("50,000 km is outside").isNull();
		far.set(4, new Order("K4", far.get(4).openedAt(), far.get(4).closedAt(), 49_999, "ENGINE", "F", true, false,
				List.of(), null, null));
		assertThat(flag(state(far, LATER), "SAME_PROBLEM_REPAIRS")).isNull();
	}

	@Test
	void twoSeriousSafetyRepairsApproachAndTheThirdReaches() {
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Instant t = local(START.plusDays(30 + i * 10), 9, 0);
			orders.add(new Order("S" + i, t, t.plusSeconds(7200), 5_000, "BRAKES", "B" + i, true, true, List.of(), null,
					null));
		}
		assertThat(flag(state(orders, LATER), "SERIOUS_SAFETY_REPAIRS"))
				.isEqualTo(new SanbaoFlag("SERIOUS_SAFETY_REPAIRS", "APPROACHING", 2, 2, "24.1.1", null, null, null,
						null, null));
		Instant t = local(START.plusDays(90), 9, 0);
		orders.add(new Order("S9", t, t.plusSeconds(7200), 6_000, "STEERING", "X", true, true, List.of(), null, null));
		assertThat(flag(state(orders, LATER), "SERIOUS_SAFETY_REPAIRS").state()).isEqualTo("REACHED");
	}

	@Test
	void twoWholeUnitReplacementsApproachAndALaterOrderOnThatSystemReaches() {
		Item engine = new Item("ENGINE", "E-100", true);
		List<Order> orders = new ArrayList<>(List.of(quality(100, Duration.ofHours(5), "ENGINE", List.of(engine)),
				quality(200, Duration.ofHours(5), "ENGINE", List.of(engine))));
		assertThat(flag(state(orders, LATER), "WHOLE_UNIT_REPLACEMENTS")).isEqualTo(new SanbaoFlag(
				"WHOLE_UNIT_REPLACEMENTS", "APPROACHING", 2, 2, "24.1.2", null, "ENGINE", null, null, null));
		orders.add(quality(250, Duration.ofHours(3), "BRAKES", List.of()));
		assertThat(flag(state(orders, LATER), "WHOLE_UNIT_REPLACEMENTS").state()).as("another system")
				.isEqualTo("APPROACHING");
		orders.add(quality(260, Duration.ofHours(3), "ENGINE", List.of()));
		assertThat(flag(state(orders, LATER), "WHOLE_UNIT_REPLACEMENTS").state()).isEqualTo("REACHED");
		assertThat(flag(state(orders, LATER), "MAIN_PART_REPLACEMENTS")).as("whole units count above only").isNull();
	}

	@Test
	void aWholeUnitAndItsPartInOneOrderCountOnceAsTheUnit() {
		List<Order> orders = List.of(
				quality(100, Duration.ofHours(5), "GEARBOX",
						List.of(new Item("GEARBOX", "G-1", true), new Item("GEARBOX", "G-SEAL", false))),
				quality(150, Duration.ofHours(5), "GEARBOX", List.of(new Item("GEARBOX", "G-SEAL", false))),
				quality(180, Duration.ofHours(5), "GEARBOX", List.of()));
		SanbaoState s = state(orders, LATER);
		assertThat(flag(s, "WHOLE_UNIT_REPLACEMENTS")).isNull();
		assertThat(flag(s, "MAIN_PART_REPLACEMENTS")).as("the seal counts once, in the second order only").isNull();
	}

	@Test
	void aMainPartReplacedTwiceThenAnotherRepairOnItsSystemReaches() {
		Item pads = new Item("BRAKES", "BP-7", false);
		List<Order> orders = new ArrayList<>(List.of(quality(100, Duration.ofHours(5), "BRAKES", List.of(pads, pads)),
				quality(200, Duration.ofHours(5), "BRAKES", List.of(pads))));
		assertThat(flag(state(orders, LATER), "MAIN_PART_REPLACEMENTS")).isEqualTo(new SanbaoFlag(
				"MAIN_PART_REPLACEMENTS", "APPROACHING", 2, 2, "24.1.3", null, "BRAKES", "BP-7", null, null));
		orders.add(quality(220, Duration.ofHours(5), "BRAKES", List.of()));
		assertThat(flag(state(orders, LATER), "MAIN_PART_REPLACEMENTS").state()).isEqualTo("REACHED");
		Item other = new Item("OTHER", "RADIO-1", false);
		assertThat(flag(state(List.of(quality(10, Duration.ofHours(1), "OTHER", List.of(other)),
				quality(20, Duration.ofHours(1), "OTHER", List.of(other)),
				quality(30, Duration.ofHours(1), "OTHER", List.of())), LATER), "MAIN_PART_REPLACEMENTS"))
				.as("OTHER is not one of the ten systems").isNull();
	}

	@Test
	void anEngineFaultOnThe59thDayReachesAndOnThe60thDoesNot() {
		Item part = new Item("ENGINE", "E-INJ", false);
		SanbaoFlag day59 = flag(state(List.of(quality(59, Duration.ofHours(3), "ENGINE", List.of(part))), LATER),
				"EARLY_UNIT_FAULT");
		assertThat(day59.state()).isEqualTo("REACHED");
		assertThat(day59.figure()).isEqualTo(59);
		assertThat(day59.threshold()).isEqualTo(60);
		assertThat(day59.remedy()).isEqualTo("UNIT_REPLACEMENT");
		assertThat(day59.article()).isEqualTo("22");
		assertThat(flag(state(List.of(quality(60, Duration.ofHours(3), "ENGINE", List.of(part))), LATER),
				"EARLY_UNIT_FAULT")).isNull();
		SanbaoFlag day6 = flag(state(List.of(quality(6, Duration.ofHours(3), "ENGINE", List.of(part))), LATER),
				"EARLY_UNIT_FAULT");
		assertThat(day6.remedy()).isEqualTo("VEHICLE_REPLACEMENT_OR_REFUND");
		assertThat(day6.threshold()).isEqualTo(7);
		assertThat(day6.figure()).isEqualTo(6);
		assertThat(flag(state(List.of(quality(7, Duration.ofHours(3), "ENGINE", List.of(part))), LATER),
				"EARLY_UNIT_FAULT").remedy()).isEqualTo("UNIT_REPLACEMENT");
		assertThat(flag(state(List.of(quality(5, Duration.ofHours(3), "BRAKES", List.of(new Item("BRAKES", "B", false)))),
				LATER), "EARLY_UNIT_FAULT")).as("not a unit").isNull();
	}

	@Test
	void withinSixtyDaysMeansAtMost3000Km() {
		for (int km : new int[] { 2_999, 3_000, 3_001 }) {
			Instant t = local(START.plusDays(20), 9, 0);
			Order o = new Order("E" + km, t, t.plusSeconds(3600), km, "BRAKES", "BRK", true, true, List.of(), null,
					"BRAKE_FAILURE");
			SanbaoFlag f = flag(state(List.of(o), LATER), "EARLY_SAFETY_FAILURE");
			if (km <= 3_000) {
				assertThat(f).as(km + " km").isEqualTo(new SanbaoFlag("EARLY_SAFETY_FAILURE", "REACHED", 20, 60, "23",
						null, null, null, null, "E" + km));
			} else {
				assertThat(f).as(km + " km").isNull();
			}
		}
	}

	@Test
	void aLongSingleRepairNamesTheLongestOrderInTheWarrantyPeriod() {
		List<Order> orders = List.of(quality(400, Duration.ofDays(5), "BODY", List.of()),
				quality(800, Duration.ofDays(6), "BODY", List.of()),
				quality(900, Duration.ofDays(5).plusMinutes(1), "BODY", List.of()));
		SanbaoFlag f = flag(state(orders, local(START.plusYears(3), 9, 0)), "LONG_SINGLE_REPAIR");
		assertThat(f.figure()).isEqualTo(6);
		assertThat(f.threshold()).isEqualTo(5);
		assertThat(f.repairOrderNo()).isEqualTo(orders.get(1).repairOrderNo());
		assertThat(flag(state(List.of(orders.get(0)), LATER), "LONG_SINGLE_REPAIR")).as("5 days is not more than 5")
				.isNull();
	}

	@Test
	void anOpenOrderCountsUpToAtAndLaterOrdersAreIgnored() {
		Instant opened = local(START.plusDays(40), 9, 0);
		Order open = new Order("OPEN-1", opened, null, 2_000, "BRAKES", "F", true, false, List.of(), null, null);
		assertThat(state(List.of(open), opened.plus(Duration.ofHours(23).plusMinutes(59))).repairDays()).isEqualTo(1);
		assertThat(state(List.of(open), opened.plus(Duration.ofHours(24))).repairDays()).isEqualTo(1);
		assertThat(state(List.of(open), opened.plus(Duration.ofHours(24).plusMinutes(1))).repairDays()).isEqualTo(2);
		SanbaoState s = state(List.of(open), opened.plus(Duration.ofDays(6)));
		assertThat(flag(s, "LONG_SINGLE_REPAIR").figure()).isEqualTo(6);
		Order closedLater = new Order("C-1", opened, opened.plus(Duration.ofDays(40)), 2_000, "BRAKES", "F", true, false,
				List.of(), null, null);
		assertThat(state(List.of(closedLater), opened.plus(Duration.ofDays(3))).repairDays())
				.as("closed after at: open as of at").isEqualTo(3);
		assertThat(state(List.of(open), opened.minusSeconds(1)).repairDays()).as("opened after at").isZero();
		assertThat(state(List.of(open), opened).repairDays()).as("opened exactly at at").isZero();
	}

	@Test
	void theStartIsTheDeliveryDateAndTheUntilDatesAreTheFirstDatesOutside() {
		SanbaoState s = SanbaoCalculator.compute("V", LocalDate.of(2024, 2, 29), List.of(), LAW, LATER);
		assertThat(s.sanbaoUntil()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(s.warrantyUntil()).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(s.flags()).isEmpty();
		assertThat(SanbaoCalculator.compute("V", null, List.of(), LAW, LATER).start()).isNull();
	}

	@Test
	void longerPeriodsAndStricterThresholdsOfAPolicyApply() {
		SanbaoPolicy generous = new SanbaoPolicy(3, 80_000, 4, 100_000, 20, 15, 3, 1, 2, 90, 5_000, 10, 3);
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Instant t = local(START.plusYears(2).plusDays(10 + i), 9, 0);
			orders.add(new Order("G" + i, t, t.plus(Duration.ofDays(1)), 60_000, "ENGINE", "F9", true, false, List.of(),
					null, null));
		}
		Instant at = local(START.plusYears(3), 9, 0);
		SanbaoState s = SanbaoCalculator.compute("V", START, orders, generous, at);
		assertThat(s.sanbaoUntil()).isEqualTo(START.plusYears(3));
		assertThat(flag(s, "SAME_PROBLEM_REPAIRS").state()).as("4 > 3 within a 3-year, 80,000 km period").isEqualTo("REACHED");
		assertThat(flag(SanbaoCalculator.compute("V", START, orders, LAW, at), "SAME_PROBLEM_REPAIRS")).isNull();
	}
}
