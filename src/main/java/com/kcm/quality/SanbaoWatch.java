package com.kcm.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.customer.VehicleView;
import com.kcm.customer.Vehicles;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;

/**
 * The published questions about repair orders and the 三包 watch (SPEC §7.8), for pages of this and other
 * modules (the customer 360° page, complaints): the state of a vehicle as of an instant, of several vehicles at
 * once, and a vehicle's or customer's repair orders page by page — all as value records.
 */
@Service
@Transactional(readOnly = true)
class SanbaoWatch {

	private final SanbaoFlags flags;
	private final RepairOrderStore store;
	private final Vehicles vehicles;
	private final Customers customers;
	private final DealerCatalog dealers;
	private final Clock clock;

	SanbaoWatch(SanbaoFlags flags, RepairOrderStore store, Vehicles vehicles, Customers customers,
			DealerCatalog dealers, Clock clock) {
		this.flags = flags;
		this.store = store;
		this.vehicles = vehicles;
		this.customers = customers;
		this.dealers = dealers;
		this.clock = clock;
	}

	/** The state of the vehicle with this VIN as of {@code at} (null: now); 404 when the caller may not see it. */
	public SanbaoState stateOf(String vin, Instant at) {
		VehicleView v = vehicles.visibleByVin(vin);
		return flags.states(List.of(v), at == null ? clock.instant() : at).get(v.id());
	}

	/**
	 * The states of several vehicles as of {@code at} (null: now), by VIN; unknown VINs are left out. Not scoped:
	 * the caller shows vehicles it has already checked the user may see.
	 */
	public Map<String, SanbaoState> statesOf(Collection<String> vins, Instant at) {
		List<VehicleView> list = vehicles.findByVins(vins);
		Map<Long, SanbaoState> states = flags.states(list, at == null ? clock.instant() : at);
		Map<String, SanbaoState> m = new LinkedHashMap<>();
		list.forEach(v -> m.put(v.vin(), states.get(v.id())));
		return m;
	}

	/** A vehicle's state and its latest orders, read together (the block of the pages). */
	record Overview(SanbaoState state, Page<RepairOrderView> latest) {
	}

	/** The state now and the {@code limit} latest orders of a vehicle the caller has been allowed to see. */
	Overview overview(VehicleView v, int limit) {
		List<RepairOrderStore.Row> rows = store.ordersOf(List.of(v.id())).getOrDefault(v.id(), List.of());
		Instant now = clock.instant();
		SanbaoState state = flags.state(v, rows.stream().map(RepairOrderStore.Row::order).toList(), now);
		List<RepairOrderStore.Row> latest = new ArrayList<>(rows);
		java.util.Collections.reverse(latest);
		return new Overview(state, new PageImpl<>(views(latest.subList(0, Math.min(limit, latest.size()))),
				org.springframework.data.domain.PageRequest.of(0, Math.max(limit, 1)), rows.size()));
	}

	/** The repair orders of these vehicles, latest opened first. Not scoped (as {@link #statesOf}). */
	public Page<RepairOrderView> repairOrders(Collection<String> vins, Pageable page) {
		return page(vehicles.findByVins(vins).stream().map(VehicleView::id).toList(), page);
	}

	/** The repair orders of the customer's vehicles, latest opened first; 404 when the caller may not see it. */
	public Page<RepairOrderView> repairOrdersOfCustomer(long customerId, Pageable page) {
		CustomerView c = customers.get(customerId);
		return page(c.vehicles().stream().map(VehicleView::id).toList(), page);
	}

	private Page<RepairOrderView> page(List<Long> vehicleIds, Pageable page) {
		long total = store.count(vehicleIds);
		List<RepairOrderStore.Row> rows = total == 0 ? List.of()
				: store.page(vehicleIds, page.getOffset(), page.getPageSize());
		return new PageImpl<>(views(rows), page, total);
	}

	List<RepairOrderView> views(List<RepairOrderStore.Row> rows) {
		Set<Long> ids = rows.stream().map(RepairOrderStore.Row::dealerId).collect(Collectors.toSet());
		Map<Long, DealerSummary> byId = ids.isEmpty() ? Map.of() : dealers.byIds(ids);
		Instant now = clock.instant();
		List<RepairOrderView> out = new ArrayList<>();
		for (RepairOrderStore.Row r : rows) {
			SanbaoCalculator.Order o = r.order();
			DealerSummary d = byId.get(r.dealerId());
			out.add(new RepairOrderView(r.id(), r.vin(), d == null ? null : d.code(), d == null ? null : d.name(),
					o.repairOrderNo(), o.openedAt(), o.closedAt(), o.mileageKm(), o.system(), o.faultCode(),
					r.description(), o.qualityProblem(), o.seriousSafetyFault(), o.excludedHours(), o.earlyFailure(),
					o.replaced().stream().map(i -> new RepairOrderView.Item(i.system(), i.partNo(), i.wholeUnit()))
							.toList(),
					SanbaoCalculator.repairDays(SanbaoCalculator.duration(o, now.isBefore(o.openedAt()) ? o.openedAt() : now))));
		}
		return out;
	}
}
