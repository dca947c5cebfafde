package com.kcm.quality;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.kcm.shared.TimeConfig;

/**
 * The rules of SPEC §7.8 as a pure function of the start date, the vehicle's repair orders, the policy values
 * and the instant {@code at} — no clock, no database.
 * <ul>
 * <li>Orders opened after {@code at} are ignored; an order not closed at {@code at} counts up to {@code at}.</li>
 * <li>Repair days (Art. 40): every full 24 hours one day, any remainder one more day.</li>
 * <li>Periods: the local opening date before start plus the years and the mileage below the kilometres.</li>
 * <li>Only quality-problem orders count for any flag (maintenance never does).</li>
 * <li>A part of a system whose whole unit the same order replaces is part of that unit: it is not counted
 * again as a main-part replacement; one order counts once per unit and once per part number.</li>
 * </ul>
 */
final class SanbaoCalculator {

	static final List<String> SYSTEMS = List.of("ENGINE", "GEARBOX", "TRACTION_BATTERY", "DRIVE_MOTOR", "STEERING",
			"BRAKES", "SUSPENSION", "DRIVETRAIN", "EMISSION_CONTROL", "BODY", "OTHER");
	static final List<String> UNITS = List.of("ENGINE", "GEARBOX", "TRACTION_BATTERY", "DRIVE_MOTOR");
	static final List<String> EARLY_FAILURES = List.of("STEERING_FAILURE", "BRAKE_FAILURE", "BODY_CRACK", "FUEL_LEAK",
			"BATTERY_FIRE");
	static final List<String> CODES = List.of("REPAIR_DAYS", "SAME_PROBLEM_REPAIRS", "SERIOUS_SAFETY_REPAIRS",
			"WHOLE_UNIT_REPLACEMENTS", "MAIN_PART_REPLACEMENTS", "EARLY_UNIT_FAULT", "EARLY_SAFETY_FAILURE",
			"LONG_SINGLE_REPAIR");

	private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

	/** A replaced item of a repair order. */
	record Item(String system, String partNo, boolean wholeUnit) {
	}

	/** What the rules need of a repair order; {@code closedAt} null while open, {@code excludedHours} null for none. */
	record Order(String repairOrderNo, Instant openedAt, Instant closedAt, long mileageKm, String system,
			String faultCode, boolean qualityProblem, boolean seriousSafetyFault, List<Item> replaced,
			BigDecimal excludedHours, String earlyFailure) {
	}

	private SanbaoCalculator() {
	}

	/** Art. 40: the whole days of a duration, any remainder one more day; nothing (or less) is 0 days. */
	static int repairDays(Duration d) {
		long ms = d.toMillis();
		return ms <= 0 ? 0 : (int) ((ms + DAY_MILLIS - 1) / DAY_MILLIS);
	}

	/** How long an order had lasted at {@code at}: to its closing, or to {@code at} while it was open then. */
	static Duration duration(Order o, Instant at) {
		Instant end = o.closedAt() != null && !o.closedAt().isAfter(at) ? o.closedAt() : at;
		return Duration.between(o.openedAt(), end);
	}

	static LocalDate openingDate(Order o) {
		return LocalDate.ofInstant(o.openedAt(), TimeConfig.BUSINESS_ZONE);
	}

	static SanbaoState compute(String vin, LocalDate start, List<Order> all, SanbaoPolicy p, Instant at) {
		if (start == null) {
			return new SanbaoState(vin, at, null, null, null, 0, List.of());
		}
		LocalDate sanbaoUntil = start.plusYears(p.sanbaoYears());
		LocalDate warrantyUntil = start.plusYears(p.warrantyYears());
		List<Order> orders = all.stream().filter(o -> !o.openedAt().isAfter(at))
				.sorted(Comparator.comparing(Order::openedAt).thenComparing(Order::repairOrderNo)).toList();
		List<Order> sanbao = new ArrayList<>();
		List<Order> warranty = new ArrayList<>();
		for (Order o : orders) {
			if (!o.qualityProblem()) {
				continue;
			}
			LocalDate opened = openingDate(o);
			if (opened.isBefore(sanbaoUntil) && o.mileageKm() < p.sanbaoKm()) {
				sanbao.add(o);
			}
			if (opened.isBefore(warrantyUntil) && o.mileageKm() < p.warrantyKm()) {
				warranty.add(o);
			}
		}
		Map<String, SanbaoFlag> flags = new LinkedHashMap<>();

		// REPAIR_DAYS (24.1.4): repair days of (hours - excluded hours, at least 0), summed
		int repairDays = 0;
		for (Order o : sanbao) {
			Duration d = duration(o, at);
			if (o.excludedHours() != null && o.excludedHours().signum() > 0) {
				d = d.minusMillis(o.excludedHours().multiply(BigDecimal.valueOf(3_600_000L)).longValue());
			}
			repairDays += repairDays(d);
		}
		if (repairDays > p.repairDays()) {
			flags.put("REPAIR_DAYS", flag("REPAIR_DAYS", SanbaoFlag.REACHED, repairDays, p.repairDays(), "24.1.4"));
		} else if (repairDays >= p.repairDaysApproaching()) {
			flags.put("REPAIR_DAYS", flag("REPAIR_DAYS", SanbaoFlag.APPROACHING, repairDays, p.repairDays(), "24.1.4"));
		}

		// SAME_PROBLEM_REPAIRS (24.1.4): the largest number of orders with one fault code
		Map<String, Integer> byFault = new TreeMap<>();
		sanbao.forEach(o -> byFault.merge(o.faultCode(), 1, Integer::sum));
		byFault.entrySet().stream().max(Comparator.comparing(Map.Entry<String, Integer>::getValue)
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).ifPresent(e -> {
					String state = e.getValue() > p.sameProblemRepairs() ? SanbaoFlag.REACHED
							: e.getValue() == p.sameProblemRepairs() ? SanbaoFlag.APPROACHING : null;
					if (state != null) {
						flags.put("SAME_PROBLEM_REPAIRS", new SanbaoFlag("SAME_PROBLEM_REPAIRS", state, e.getValue(),
								p.sameProblemRepairs(), "24.1.4", e.getKey(), null, null, null, null));
					}
				});

		// SERIOUS_SAFETY_REPAIRS (24.1.1)
		int serious = (int) sanbao.stream().filter(Order::seriousSafetyFault).count();
		if (serious > p.seriousSafetyRepairs()) {
			flags.put("SERIOUS_SAFETY_REPAIRS",
					flag("SERIOUS_SAFETY_REPAIRS", SanbaoFlag.REACHED, serious, p.seriousSafetyRepairs(), "24.1.1"));
		} else if (serious == p.seriousSafetyRepairs()) {
			flags.put("SERIOUS_SAFETY_REPAIRS",
					flag("SERIOUS_SAFETY_REPAIRS", SanbaoFlag.APPROACHING, serious, p.seriousSafetyRepairs(), "24.1.1"));
		}

		// WHOLE_UNIT_REPLACEMENTS (24.1.2) and MAIN_PART_REPLACEMENTS (24.1.3)
		Map<String, List<Order>> units = new LinkedHashMap<>();
		Map<String, List<Order>> parts = new LinkedHashMap<>();
		Map<String, String> partSystem = new LinkedHashMap<>();
		for (Order o : sanbao) {
			Set<String> wholeHere = new java.util.HashSet<>();
			for (Item i : o.replaced()) {
				if (i.wholeUnit() && UNITS.contains(i.system())) {
					wholeHere.add(i.system());
				}
			}
			wholeHere.stream().sorted(Comparator.comparing(UNITS::indexOf))
					.forEach(s -> units.computeIfAbsent(s, k -> new ArrayList<>()).add(o));
			Set<String> partsHere = new java.util.LinkedHashSet<>();
			for (Item i : o.replaced()) {
				if (!i.wholeUnit() && i.partNo() != null && !"OTHER".equals(i.system())
						&& SYSTEMS.contains(i.system()) && !wholeHere.contains(i.system())) {
					if (partsHere.add(i.partNo())) {
						partSystem.putIfAbsent(i.partNo(), i.system());
						parts.computeIfAbsent(i.partNo(), k -> new ArrayList<>()).add(o);
					}
				}
			}
		}
		replacementFlag("WHOLE_UNIT_REPLACEMENTS", "24.1.2", units, Map.of(), sanbao, p.replacements())
				.ifPresent(f -> flags.put(f.code(), f));
		replacementFlag("MAIN_PART_REPLACEMENTS", "24.1.3", parts, partSystem, sanbao, p.replacements())
				.ifPresent(f -> flags.put(f.code(), f));

		// EARLY_UNIT_FAULT (20, 22) and EARLY_SAFETY_FAILURE (23): within 60 days and 3,000 km of the start
		LocalDate earlyUntil = start.plusDays(p.earlyDays());
		LocalDate refundUntil = start.plusDays(p.earlyRefundDays());
		Order earlyUnit = null;
		Order earlySafety = null;
		for (Order o : sanbao) {
			LocalDate opened = openingDate(o);
			if (!opened.isBefore(earlyUntil) || o.mileageKm() > p.earlyKm()) {
				continue;
			}
			if (o.replaced().stream().anyMatch(i -> UNITS.contains(i.system()))
					&& (earlyUnit == null || (!openingDate(earlyUnit).isBefore(refundUntil) && opened.isBefore(refundUntil)))) {
				earlyUnit = o;
			}
			if (o.earlyFailure() != null && earlySafety == null) {
				earlySafety = o;
			}
		}
		if (earlyUnit != null) {
			int days = (int) ChronoUnit.DAYS.between(start, openingDate(earlyUnit));
			boolean refund = openingDate(earlyUnit).isBefore(refundUntil);
			flags.put("EARLY_UNIT_FAULT", new SanbaoFlag("EARLY_UNIT_FAULT", SanbaoFlag.REACHED, days,
					refund ? p.earlyRefundDays() : p.earlyDays(), refund ? "20" : "22", null, null, null,
					refund ? "VEHICLE_REPLACEMENT_OR_REFUND" : "UNIT_REPLACEMENT", earlyUnit.repairOrderNo()));
		}
		if (earlySafety != null) {
			int days = (int) ChronoUnit.DAYS.between(start, openingDate(earlySafety));
			flags.put("EARLY_SAFETY_FAILURE", new SanbaoFlag("EARLY_SAFETY_FAILURE", SanbaoFlag.REACHED, days,
					p.earlyDays(), "23", null, null, null, null, earlySafety.repairOrderNo()));
		}

		// LONG_SINGLE_REPAIR (21): in the 包修期, more than 5 repair days, no exclusions; the longest order
		Order longest = null;
		int longestDays = 0;
		for (Order o : warranty) {
			int days = repairDays(duration(o, at));
			if (days > p.longRepairDays() && days > longestDays) {
				longest = o;
				longestDays = days;
			}
		}
		if (longest != null) {
			flags.put("LONG_SINGLE_REPAIR", new SanbaoFlag("LONG_SINGLE_REPAIR", SanbaoFlag.REACHED, longestDays,
					p.longRepairDays(), "21", null, null, null, null, longest.repairOrderNo()));
		}

		List<SanbaoFlag> list = new ArrayList<>();
		for (String code : CODES) {
			if (flags.containsKey(code)) {
				list.add(flags.get(code));
			}
		}
		return new SanbaoState(vin, at, start, sanbaoUntil, warrantyUntil, repairDays, List.copyOf(list));
	}

	/**
	 * Replacements of one unit (or one part number): {@code threshold} of them and a later quality-problem
	 * order on that system reached; {@code threshold} or more without one approaching. The unit or part shown
	 * is a reached one first, then the one with the most replacements.
	 */
	private static java.util.Optional<SanbaoFlag> replacementFlag(String code, String article,
			Map<String, List<Order>> replacements, Map<String, String> partSystem, List<Order> sanbao, int threshold) {
		SanbaoFlag best = null;
		for (Map.Entry<String, List<Order>> e : replacements.entrySet()) {
			List<Order> list = e.getValue();
			if (list.size() < threshold || threshold < 1) {
				continue;
			}
			boolean part = !partSystem.isEmpty() || code.startsWith("MAIN");
			String system = part ? partSystem.get(e.getKey()) : e.getKey();
			Instant nth = list.get(threshold - 1).openedAt();
			boolean later = sanbao.stream().anyMatch(o -> system.equals(o.system()) && o.openedAt().isAfter(nth));
			SanbaoFlag f = new SanbaoFlag(code, later ? SanbaoFlag.REACHED : SanbaoFlag.APPROACHING, list.size(),
					threshold, article, null, system, part ? e.getKey() : null, null, null);
			if (best == null || (f.reached() && !best.reached())
					|| (f.reached() == best.reached() && f.figure() > best.figure())) {
				best = f;
			}
		}
		return java.util.Optional.ofNullable(best);
	}

	private static SanbaoFlag flag(String code, String state, int figure, int threshold, String article) {
		return new SanbaoFlag(code, state, figure, threshold, article, null, null, null, null, null);
	}
}
