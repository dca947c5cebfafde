package com.kcm.crm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;

/**
 * The customer 360° view (SPEC §7.1): the customer (masked, within the caller's scope: another's is 404 and
 * audited), its class and why, its key-account data, vehicles with each module's badges, and one timeline
 * merged from every {@link CustomerTimelineSource}, newest first, filterable by type and paged by 50 — each
 * source reads only the newest entries the page needs.
 */
@Service
class Customer360 {

	static final int PAGE = 50;

	record Timeline(List<TimelineEntry> entries, int page, boolean hasNext, Set<String> types) {
	}

	record View(CustomerView customer, CustomerClasses.ClassAnswer customerClass, KeyAccount account,
			Map<Long, List<VehicleStatusSource.Badge>> vehicleBadges, Timeline timeline,
			List<CustomerConsentSource.ConsentLine> consents, CustomerConsentSource consentSource) {
	}

	private final Customers customers;
	private final CustomerClasses classes;
	private final KeyAccountRepository accounts;
	private final List<CustomerTimelineSource> sources;
	private final List<VehicleStatusSource> vehicleSources;
	private final CustomerConsentSource consentSource;

	Customer360(Customers customers, CustomerClasses classes, KeyAccountRepository accounts,
			List<CustomerTimelineSource> sources, List<VehicleStatusSource> vehicleSources,
			org.springframework.beans.factory.ObjectProvider<CustomerConsentSource> consentSource) {
		this.consentSource = consentSource.getIfAvailable();
		this.customers = customers;
		this.classes = classes;
		this.accounts = accounts;
		this.sources = sources;
		this.vehicleSources = vehicleSources;
	}

	@Transactional(readOnly = true)
	View of(long customerId, String type, int page) {
		CustomerView c = customers.get(customerId);
		Map<Long, List<VehicleStatusSource.Badge>> badges = new HashMap<>();
		if (!c.vehicles().isEmpty()) {
			for (VehicleStatusSource s : vehicleSources) {
				s.badges(c.vehicles()).forEach((id, list) -> badges.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
			}
		}
		return new View(c, classes.of(customerId), accounts.findById(customerId).orElse(null), badges,
				timeline(customerId, type, page), consentSource == null ? List.of() : consentSource.consents(customerId),
				consentSource);
	}

	Timeline timeline(long customerId, String type, int page) {
		int p = Math.max(0, Math.min(page, 100));
		int limit = (p + 1) * PAGE + 1;
		Set<String> types = new LinkedHashSet<>();
		List<TimelineEntry> all = new ArrayList<>();
		for (CustomerTimelineSource s : sources) {
			types.addAll(s.types());
			if (type == null || type.isBlank() || s.types().contains(type)) {
				s.entries(customerId, limit).stream().filter(e -> type == null || type.isBlank() || type.equals(e.type()))
						.forEach(all::add);
			}
		}
		all.sort(Comparator.comparing(TimelineEntry::at).reversed());
		int from = Math.min(p * PAGE, all.size());
		int to = Math.min(from + PAGE, all.size());
		return new Timeline(List.copyOf(all.subList(from, to)), p, all.size() > to, types);
	}
}
