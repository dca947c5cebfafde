package com.kcm.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.customer.VehicleView;
import com.kcm.customer.Vehicles;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;

/**
 * Computes the 三包 state of vehicles (policy values in force on the vehicle's start date) and keeps the stored
 * flags current: after every repair-order import and by the daily job. A flag stored as {@code REACHED} for the
 * first time publishes {@link SanbaoFlagReached} (once per vehicle and code, ever).
 */
@Component
class SanbaoFlags {

	private final RepairOrderStore store;
	private final Vehicles vehicles;
	private final Policies policies;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SanbaoFlags(RepairOrderStore store, Vehicles vehicles, Policies policies, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.vehicles = vehicles;
		this.policies = policies;
		this.events = events;
		this.clock = clock;
	}

	static LocalDate start(VehicleView v) {
		return v.deliveryDate() != null ? v.deliveryDate() : v.purchaseDate();
	}

	SanbaoPolicy policyOn(LocalDate day) {
		return new SanbaoPolicy(policies.intOn(PolicyName.SANBAO_YEARS, day), policies.intOn(PolicyName.SANBAO_KM, day),
				policies.intOn(PolicyName.WARRANTY_YEARS, day), policies.intOn(PolicyName.WARRANTY_KM, day),
				policies.intOn(PolicyName.SANBAO_REPAIR_DAYS, day),
				policies.intOn(PolicyName.SANBAO_REPAIR_DAYS_APPROACHING, day),
				policies.intOn(PolicyName.SANBAO_SAME_PROBLEM_REPAIRS, day),
				policies.intOn(PolicyName.SANBAO_SERIOUS_SAFETY_REPAIRS, day),
				policies.intOn(PolicyName.SANBAO_REPLACEMENTS, day), policies.intOn(PolicyName.SANBAO_EARLY_DAYS, day),
				policies.intOn(PolicyName.SANBAO_EARLY_KM, day), policies.intOn(PolicyName.SANBAO_EARLY_REFUND_DAYS, day),
				policies.intOn(PolicyName.SANBAO_LONG_REPAIR_DAYS, day));
	}

	/** The states of these vehicles as of {@code at}, by vehicle id. */
	Map<Long, SanbaoState> states(List<VehicleView> list, Instant at) {
		Map<Long, List<RepairOrderStore.Row>> orders = store.ordersOf(list.stream().map(VehicleView::id).toList());
		Map<Long, SanbaoState> m = new HashMap<>();
		for (VehicleView v : list) {
			m.put(v.id(), state(v, orders.getOrDefault(v.id(), List.of()).stream().map(RepairOrderStore.Row::order)
					.toList(), at));
		}
		return m;
	}

	/** The state of one vehicle from its orders as of {@code at}. */
	SanbaoState state(VehicleView v, List<SanbaoCalculator.Order> orders, Instant at) {
		LocalDate start = start(v);
		return SanbaoCalculator.compute(v.vin(), start, orders, start == null ? SanbaoPolicy.LAW : policyOn(start), at);
	}

	/** Recomputes and stores the flags of these vehicles as of now; returns how many flags turned reached. */
	@Transactional
	int recompute(Collection<String> vins) {
		List<VehicleView> list = vehicles.findByVins(vins);
		Instant now = clock.instant();
		Map<Long, SanbaoState> states = states(list, now);
		Map<Long, Map<String, RepairOrderStore.StoredFlag>> before = store.flagsOf(states.keySet());
		int reached = 0;
		for (VehicleView v : list) {
			SanbaoState s = states.get(v.id());
			Map<String, RepairOrderStore.StoredFlag> old = before.getOrDefault(v.id(), Map.of());
			Map<String, Instant> reachedAt = new HashMap<>();
			List<SanbaoFlagReached> announce = new ArrayList<>();
			for (SanbaoFlag f : s.flags()) {
				RepairOrderStore.StoredFlag o = old.get(f.code());
				if (o != null && o.reachedAt() != null) {
					reachedAt.put(f.code(), o.reachedAt());
				} else if (f.reached()) {
					reachedAt.put(f.code(), now);
					announce.add(new SanbaoFlagReached(v.id(), v.vin(), f.code(), f.figure(), f.threshold(), f.article(),
							detail(f), now));
				}
			}
			if (s.flags().isEmpty() && old.isEmpty()) {
				continue;
			}
			store.storeFlags(new RepairOrderStore.VehicleFacts(v.id(), v.vin(), v.model(), v.sellingDealerId()),
					s.flags(), old, reachedAt, now);
			announce.forEach(events::publishEvent);
			reached += announce.size();
		}
		return reached;
	}

	static String detail(SanbaoFlag f) {
		if (f.faultCode() != null) {
			return f.faultCode();
		}
		if (f.partNo() != null) {
			return f.system() + " " + f.partNo();
		}
		if (f.system() != null) {
			return f.system();
		}
		return f.repairOrderNo();
	}
}
