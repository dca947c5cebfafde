package com.kcm.quality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.customer.VehicleView;
import com.kcm.customer.Vehicles;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;

/**
 * Imports repair orders (SPEC §7.8, A.2): every item is checked first — unknown VIN or dealer, a number the
 * dealer used already (stored or earlier in the batch), {@code closedAt} before {@code openedAt}, negative
 * mileage or hours, an unknown system or early-failure code, missing fields — and any error refuses the whole
 * batch with the item's index; otherwise all are written, audited, and the vehicles' flags recomputed.
 */
@Service
class RepairOrderImport {

	static final String TYPE = "repair_order";

	private final RepairOrderStore store;
	private final Vehicles vehicles;
	private final DealerCatalog dealers;
	private final SanbaoFlags flags;
	private final Audit audit;
	private final Clock clock;

	RepairOrderImport(RepairOrderStore store, Vehicles vehicles, DealerCatalog dealers, SanbaoFlags flags, Audit audit,
			Clock clock) {
		this.store = store;
		this.vehicles = vehicles;
		this.dealers = dealers;
		this.flags = flags;
		this.audit = audit;
		this.clock = clock;
	}

	/** Imports the batch; the source ({@code api} or a file name) goes into the audit entry. */
	@Transactional
	public int importAll(List<RepairOrderCommand> items, String source) {
		if (items == null || items.isEmpty()) {
			throw ValidationException.of("items", "quality.import.empty");
		}
		List<Violation> errors = new ArrayList<>();
		Set<String> vins = new LinkedHashSet<>();
		for (RepairOrderCommand c : items) {
			if (c != null && c.vin() != null) {
				vins.add(c.vin().replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT));
			}
		}
		Map<String, VehicleView> byVin = new HashMap<>();
		vehicles.findByVins(vins).forEach(v -> byVin.put(v.vin(), v));
		Map<String, Optional<DealerSummary>> byCode = new HashMap<>();
		Map<Long, Set<String>> numbers = new LinkedHashMap<>();
		List<Prepared> prepared = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			RepairOrderCommand c = items.get(i);
			Prepared p = check(c, i, byVin, byCode, errors);
			prepared.add(p);
			if (p != null && p.dealer != null && p.order.repairOrderNo() != null) {
				if (!numbers.computeIfAbsent(p.dealer.id(), k -> new HashSet<>()).add(p.order.repairOrderNo())) {
					errors.add(Violation.row(i, "repairOrderNo", "quality.repairOrderNo.repeated", p.order.repairOrderNo()));
				}
			}
		}
		numbers.forEach((dealerId, nos) -> {
			Set<String> taken = store.takenNumbers(dealerId, nos);
			if (!taken.isEmpty()) {
				for (int i = 0; i < prepared.size(); i++) {
					Prepared p = prepared.get(i);
					if (p != null && p.dealer != null && p.dealer.id() == dealerId && taken.contains(p.order.repairOrderNo())) {
						errors.add(Violation.row(i, "repairOrderNo", "quality.repairOrderNo.taken", p.order.repairOrderNo()));
					}
				}
			}
		});
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparing(Violation::index));
			throw new ValidationException(errors);
		}
		Instant now = clock.instant();
		Set<String> touched = new LinkedHashSet<>();
		for (Prepared p : prepared) {
			long id = store.insert(p.vehicle.id(), p.vehicle.vin(), p.dealer.id(), p.order, p.description, now);
			audit.changed(Audit.CREATE, TYPE, id, null, snapshot(p));
			touched.add(p.vehicle.vin());
		}
		audit.changed(Audit.IMPORT, TYPE, null, null, Map.of("source", String.valueOf(source), "rows", prepared.size()));
		flags.recompute(touched);
		return prepared.size();
	}

	private static final class Prepared {
		VehicleView vehicle;
		DealerSummary dealer;
		SanbaoCalculator.Order order;
		String description;
	}

	private Prepared check(RepairOrderCommand c, int i, Map<String, VehicleView> byVin,
			Map<String, Optional<DealerSummary>> byCode, List<Violation> errors) {
		if (c == null) {
			errors.add(Violation.row(i, null, "quality.item.missing"));
			return null;
		}
		int before = errors.size();
		Prepared p = new Prepared();
		if (blank(c.vin())) {
			errors.add(Violation.row(i, "vin", "error.required"));
		} else {
			p.vehicle = byVin.get(c.vin().replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT));
			if (p.vehicle == null) {
				errors.add(Violation.row(i, "vin", "quality.vin.unknown", c.vin()));
			}
		}
		if (blank(c.dealerCode())) {
			errors.add(Violation.row(i, "dealerCode", "error.required"));
		} else {
			p.dealer = byCode.computeIfAbsent(c.dealerCode().strip(), dealers::byCode).orElse(null);
			if (p.dealer == null) {
				errors.add(Violation.row(i, "dealerCode", "quality.dealer.unknown", c.dealerCode()));
			}
		}
		String no = blank(c.repairOrderNo()) ? null : c.repairOrderNo().strip();
		if (no == null) {
			errors.add(Violation.row(i, "repairOrderNo", "error.required"));
		} else if (no.length() > 50) {
			errors.add(Violation.row(i, "repairOrderNo", "quality.tooLong", 50));
		}
		if (c.openedAt() == null) {
			errors.add(Violation.row(i, "openedAt", "error.required"));
		}
		if (c.openedAt() != null && c.closedAt() != null && c.closedAt().isBefore(c.openedAt())) {
			errors.add(Violation.row(i, "closedAt", "quality.closedAt.beforeOpened"));
		}
		if (c.mileageKm() == null) {
			errors.add(Violation.row(i, "mileageKm", "error.required"));
		} else if (c.mileageKm() < 0) {
			errors.add(Violation.row(i, "mileageKm", "quality.negative"));
		} else if (c.mileageKm() > 9_999_999) {
			errors.add(Violation.row(i, "mileageKm", "quality.tooLarge"));
		}
		if (blank(c.system())) {
			errors.add(Violation.row(i, "system", "error.required"));
		} else if (!SanbaoCalculator.SYSTEMS.contains(c.system().strip())) {
			errors.add(Violation.row(i, "system", "quality.code.unknown", c.system()));
		}
		if (blank(c.faultCode())) {
			errors.add(Violation.row(i, "faultCode", "error.required"));
		} else if (c.faultCode().strip().length() > 50) {
			errors.add(Violation.row(i, "faultCode", "quality.tooLong", 50));
		}
		if (c.description() != null && c.description().length() > 2000) {
			errors.add(Violation.row(i, "description", "quality.tooLong", 2000));
		}
		controlCharacters(c.description(), "description", i, errors);
		controlCharacters(c.faultCode(), "faultCode", i, errors);
		controlCharacters(c.repairOrderNo(), "repairOrderNo", i, errors);
		if (c.qualityProblem() == null) {
			errors.add(Violation.row(i, "qualityProblem", "error.required"));
		}
		if (c.seriousSafetyFault() == null) {
			errors.add(Violation.row(i, "seriousSafetyFault", "error.required"));
		}
		List<SanbaoCalculator.Item> items = new ArrayList<>();
		List<RepairOrderCommand.Replaced> replaced = c.replaced() == null ? List.of() : c.replaced();
		for (int j = 0; j < replaced.size(); j++) {
			RepairOrderCommand.Replaced r = replaced.get(j);
			String f = "replaced[" + j + "]";
			if (r == null) {
				errors.add(Violation.row(i, f, "quality.item.missing"));
				continue;
			}
			if (blank(r.system())) {
				errors.add(Violation.row(i, f + ".system", "error.required"));
			} else if (!SanbaoCalculator.SYSTEMS.contains(r.system().strip())) {
				errors.add(Violation.row(i, f + ".system", "quality.code.unknown", r.system()));
			}
			if (blank(r.partNo())) {
				errors.add(Violation.row(i, f + ".partNo", "error.required"));
			} else if (r.partNo().strip().length() > 50) {
				errors.add(Violation.row(i, f + ".partNo", "quality.tooLong", 50));
			}
			if (r.wholeUnit() == null) {
				errors.add(Violation.row(i, f + ".wholeUnit", "error.required"));
			}
			if (!blank(r.system()) && !blank(r.partNo()) && r.wholeUnit() != null) {
				items.add(new SanbaoCalculator.Item(r.system().strip(), r.partNo().strip(), r.wholeUnit()));
			}
		}
		BigDecimal excluded = c.excludedHours();
		if (excluded != null && excluded.signum() < 0) {
			errors.add(Violation.row(i, "excludedHours", "quality.negative"));
		} else if (excluded != null && (excluded.scale() > 2 || excluded.compareTo(BigDecimal.valueOf(99_999_999)) > 0)) {
			errors.add(Violation.row(i, "excludedHours", "quality.hours.invalid"));
		}
		String early = blank(c.earlyFailure()) ? null : c.earlyFailure().strip();
		if (early != null && !SanbaoCalculator.EARLY_FAILURES.contains(early)) {
			errors.add(Violation.row(i, "earlyFailure", "quality.code.unknown", c.earlyFailure()));
		}
		if (errors.size() > before) {
			return p.dealer == null || no == null ? null : partial(p, no);
		}
		p.order = new SanbaoCalculator.Order(no, c.openedAt().toInstant(),
				c.closedAt() == null ? null : c.closedAt().toInstant(), c.mileageKm(), c.system().strip(),
				c.faultCode().strip(), c.qualityProblem(), c.seriousSafetyFault(), List.copyOf(items),
				excluded == null || excluded.signum() == 0 ? null : excluded, early);
		p.description = blank(c.description()) ? null : c.description().strip();
		return p;
	}

	/** A refused item still takes part in the repeated-number check. */
	private static Prepared partial(Prepared p, String no) {
		p.order = new SanbaoCalculator.Order(no, Instant.EPOCH, null, 0, null, null, false, false, List.of(), null, null);
		return p;
	}

	private static void controlCharacters(String s, String field, int i, List<Violation> errors) {
		if (s != null && s.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
			errors.add(Violation.row(i, field, "quality.controlCharacter"));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** What the audit trail keeps of an imported repair order (instants and hours as text). */
	record Snapshot(String vin, String dealerCode, String repairOrderNo, String openedAt, String closedAt,
			long mileageKm, String system, String faultCode, boolean qualityProblem, boolean seriousSafetyFault,
			List<String> replaced, String excludedHours, String earlyFailure) {
	}

	private static Snapshot snapshot(Prepared p) {
		return new Snapshot(p.vehicle.vin(), p.dealer.code(), p.order.repairOrderNo(), p.order.openedAt().toString(),
				p.order.closedAt() == null ? null : p.order.closedAt().toString(), p.order.mileageKm(),
				p.order.system(), p.order.faultCode(), p.order.qualityProblem(), p.order.seriousSafetyFault(),
				p.order.replaced().stream()
						.map(x -> x.system() + ":" + x.partNo() + (x.wholeUnit() ? ":WHOLE" : "")).toList(),
				p.order.excludedHours() == null ? null : p.order.excludedHours().toPlainString(),
				p.order.earlyFailure());
	}
}
