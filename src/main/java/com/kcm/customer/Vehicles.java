package com.kcm.customer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * Registers and changes vehicles. A vehicle is visible to whoever may see its owner; its VIN is unique
 * and validated, its plate normalised, its selling dealer given by code.
 */
@Service
public class Vehicles {

	static final String TYPE = "vehicle";

	private final VehicleRepository vehicles;
	private final DealerCatalog dealers;
	private final Customers customers;
	private final CustomerViews views;
	private final Audit audit;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	Vehicles(VehicleRepository vehicles, DealerCatalog dealers, Customers customers, CustomerViews views, Audit audit,
			Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.vehicles = vehicles;
		this.dealers = dealers;
		this.customers = customers;
		this.views = views;
		this.audit = audit;
		this.clock = clock;
	}

	/** One vehicle; 404 (audited) when it does not exist or its owner is outside the caller's scope. */
	@Transactional(readOnly = true)
	public VehicleView get(long id) {
		Vehicle v = vehicles.findById(id).orElse(null);
		if (v == null) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		visible(v);
		return views.vehicleViews(List.of(v)).get(0);
	}

	/**
	 * The vehicle with this VIN if the caller may see it (as {@link #get}); 404 (audited) otherwise. A vehicle
	 * whose owner is not known yet is visible to central roles only.
	 */
	@Transactional(readOnly = true)
	public VehicleView visibleByVin(String vin) {
		Vehicle v = Vin.parse(vin).flatMap(x -> vehicles.findByVin(x.value())).orElse(null);
		if (v == null) {
			audit.notVisible(TYPE, vin);
			throw new NotFoundException(TYPE, vin);
		}
		visible(v);
		return views.vehicleViews(List.of(v)).get(0);
	}

	/** The vehicles with these VINs, whoever owns them (for other modules' batch work), in no particular order. */
	@Transactional(readOnly = true)
	public List<VehicleView> findByVins(java.util.Collection<String> vins) {
		return vins.isEmpty() ? List.of() : views.vehicleViews(vehicles.findByVinIn(vins));
	}

	private void visible(Vehicle v) {
		if (v.getOwnerId() != null) {
			customers.visible(v.getOwnerId());
		} else if (!customers.callerSeesEverything()) {
			audit.notVisible(TYPE, v.getId());
			throw new NotFoundException(TYPE, v.getId());
		}
	}

	/** The vehicle with this VIN, whoever owns it (for other modules' intake). */
	@Transactional(readOnly = true)
	public Optional<VehicleView> findByVin(String vin) {
		return Vin.parse(vin).flatMap(x -> vehicles.findByVin(x.value())).map(v -> views.vehicleViews(List.of(v)).get(0));
	}

	@Transactional
	public VehicleView create(VehicleCommand cmd) {
		return create(cmd, new Violations());
	}

	/**
	 * Registers a vehicle as the integration API does (A.2): the purchase date is required, the owner optional
	 * (a vehicle may be known from the dealer system before its owner is).
	 */
	@Transactional
	public VehicleView register(VehicleCommand cmd) {
		Violations earlier = new Violations();
		if (cmd.purchaseDate() == null) {
			earlier.field("purchaseDate", "error.required");
		}
		Prepared p = check(cmd, null, earlier, false);
		earlier.throwIfAny();
		return save(p);
	}

	@Transactional
	VehicleView create(VehicleCommand cmd, Violations earlier) {
		return save(prepare(cmd, null, earlier));
	}

	private VehicleView save(Prepared p) {
		if (p.ownerId != null) {
			Customer owner = customers.visible(p.ownerId);
			if (owner.isMerged()) {
				throw new DomainException("customer.merged", owner.getMergedIntoId());
			}
		}
		Vehicle v = new Vehicle(p.vin, p.ownerId, clock.instant());
		p.apply(v);
		v = vehicles.save(v);
		audit.changed(Audit.CREATE, TYPE, v.getId(), null, snapshot(v));
		events.publishEvent(VehicleOwnersChanged.of(p.ownerId));
		return views.vehicleViews(List.of(v)).get(0);
	}

	@Transactional
	public VehicleView update(long id, VehicleCommand cmd) {
		return update(id, cmd, new Violations());
	}

	@Transactional
	VehicleView update(long id, VehicleCommand cmd, Violations earlier) {
		Vehicle v = vehicles.findById(id).orElse(null);
		if (v == null) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		visible(v);
		Snapshot before = snapshot(v);
		Prepared p = prepare(cmd, v, earlier);
		if (!p.ownerId.equals(v.getOwnerId())) {
			customers.visible(p.ownerId);
			events.publishEvent(VehicleOwnersChanged.of(v.getOwnerId(), p.ownerId));
			v.transferTo(p.ownerId, clock.instant());
		}
		v.correctVin(p.vin);
		p.apply(v);
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(v));
		return views.vehicleViews(List.of(v)).get(0);
	}

	final class Prepared {
		Vin vin;
		PlateNumber plate;
		Long dealerId;
		Long ownerId;
		VehicleCommand cmd;

		void apply(Vehicle v) {
			v.describe(plate, Customers.blank(cmd.model()), cmd.purchaseDate(), dealerId,
					Customers.blank(cmd.modificationNotes()), Customers.blank(cmd.insuranceType()), clock.instant());
			v.deliveredOn(cmd.deliveryDate());
		}
	}

	Prepared prepare(VehicleCommand cmd, Vehicle current, Violations v) {
		Prepared p = check(cmd, current, v, true);
		v.throwIfAny();
		return p;
	}

	/**
	 * Adds the command's violations; returns the parsed command (meaningful only without violations).
	 * {@code needOwner}: the owner id must be given (an import finds it by phone instead).
	 */
	Prepared check(VehicleCommand cmd, Vehicle current, Violations v, boolean needOwner) {
		return check(cmd, current, v, needOwner, false);
	}

	/** {@code vinKnownFree}: the caller has just read that no vehicle has this VIN (the unique index guards a race). */
	Prepared check(VehicleCommand cmd, Vehicle current, Violations v, boolean needOwner, boolean vinKnownFree) {
		Prepared p = new Prepared();
		p.cmd = cmd;
		if (cmd.vin() == null || cmd.vin().isBlank()) {
			v.field("vin", "error.required");
		} else {
			p.vin = Vin.parse(cmd.vin()).orElse(null);
			if (p.vin == null) {
				v.field("vin", "customer.vin.invalid");
			} else if (!vinKnownFree && (current == null || !current.getVin().equals(p.vin.value()))
					&& vehicles.existsByVin(p.vin.value())) {
				v.field("vin", "customer.vin.taken", p.vin.value());
			}
		}
		if (cmd.plate() != null && !cmd.plate().isBlank()) {
			p.plate = PlateNumber.parse(cmd.plate()).orElse(null);
			if (p.plate == null) {
				v.field("plate", "customer.plate.invalid");
			}
		}
		if (cmd.sellingDealerCode() != null && !cmd.sellingDealerCode().isBlank()) {
			p.dealerId = dealers.byCode(cmd.sellingDealerCode().strip()).map(DealerSummary::id).orElse(null);
			if (p.dealerId == null) {
				v.field("sellingDealerCode", "customer.dealer.unknown", cmd.sellingDealerCode());
			}
		}
		p.ownerId = cmd.ownerId() != null ? cmd.ownerId() : current == null ? null : current.getOwnerId();
		if (needOwner && p.ownerId == null) {
			v.field("ownerId", "error.required");
		}
		if (cmd.model() != null && cmd.model().strip().length() > 100) {
			v.field("model", "customer.tooLong", 100);
		}
		if (cmd.insuranceType() != null && cmd.insuranceType().strip().length() > 50) {
			v.field("insuranceType", "customer.tooLong", 50);
		}
		if (cmd.modificationNotes() != null && cmd.modificationNotes().strip().length() > 1000) {
			v.field("modificationNotes", "customer.tooLong", 1000);
		}
		java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), com.kcm.shared.TimeConfig.BUSINESS_ZONE);
		if (cmd.purchaseDate() != null && cmd.purchaseDate().isAfter(today)) {
			v.field("purchaseDate", "customer.purchaseDate.future");
		}
		if (cmd.deliveryDate() != null && cmd.deliveryDate().isAfter(today)) {
			v.field("deliveryDate", "customer.purchaseDate.future");
		}
		return p;
	}

	/** A new, unsaved vehicle from a checked command (imports save in bulk). */
	Vehicle build(Prepared p, long ownerId) {
		Vehicle v = new Vehicle(p.vin, ownerId, clock.instant());
		p.apply(v);
		return v;
	}

	/** What the audit trail keeps of a vehicle (dates as ISO text). */
	record Snapshot(String vin, String plate, String model, String purchaseDate, String deliveryDate,
			Long sellingDealerId, Long ownerId, String modificationNotes, String insuranceType) {
	}

	static Snapshot snapshot(Vehicle v) {
		return new Snapshot(v.getVin(), v.getPlate(), v.getModel(),
				v.getPurchaseDate() == null ? null : v.getPurchaseDate().toString(),
				v.getDeliveryDate() == null ? null : v.getDeliveryDate().toString(), v.getSellingDealerId(),
				v.getOwnerId(), v.getModificationNotes(), v.getInsuranceType());
	}
}
