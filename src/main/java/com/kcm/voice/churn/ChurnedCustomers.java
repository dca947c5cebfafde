package com.kcm.voice.churn;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.identity.CurrentUsers;
import com.kcm.quality.ChurnFacts;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;

/**
 * The churned customers as of a date (SPEC §7.6) with their last dealer and visit, masked: a page for the list and
 * the API, or all of them streamed for the xlsx export (customers looked up per chunk, never all in memory).
 */
@Service
class ChurnedCustomers {

	static final int MAX_SIZE = 200;
	static final int CHUNK = 500;
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.BUSINESS_ZONE);

	/** One churned customer as listed: masked phone, the last dealer and visit (its repair order and vehicle). */
	record Item(long customerId, String name, String phone, String dealerCode, String dealerName, OffsetDateTime lastVisit,
			String repairOrderNo, String vin, String model) {
	}

	record Page(List<Item> items, int page, int size, long total) {
		public int totalPages() {
			return (int) ((total + size - 1) / size);
		}
	}

	private final ChurnFacts facts;
	private final Customers customers;
	private final DealerCatalog dealers;
	private final CurrentUsers users;

	ChurnedCustomers(ChurnFacts facts, Customers customers, DealerCatalog dealers, CurrentUsers users) {
		this.facts = facts;
		this.customers = customers;
		this.dealers = dealers;
		this.users = users;
	}

	/** A dealer code narrowing the list; unknown or outside the caller's scope: nothing (the scope still applies). */
	Long dealerId(String dealerCode) {
		if (dealerCode == null || dealerCode.isBlank()) {
			return null;
		}
		return dealers.byCode(dealerCode.strip()).map(DealerSummary::id).orElse(-1L);
	}

	Page page(LocalDate asOf, int months, String dealerCode, int page, int size) {
		if (page < 0) {
			throw ValidationException.of("page", "churn.page.invalid");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ValidationException.of("size", "churn.size.invalid", MAX_SIZE);
		}
		Long dealer = dealerId(dealerCode);
		long total = facts.countChurned(asOf, months, users.scope(), dealer);
		List<ChurnFacts.ChurnedCustomer> rows = total == 0 ? List.of()
				: facts.churned(asOf, months, users.scope(), dealer, page * size, size);
		return new Page(items(rows), page, size, total);
	}

	long count(LocalDate asOf, int months, String dealerCode) {
		return facts.countChurned(asOf, months, users.scope(), dealerId(dealerCode));
	}

	/** Every churned customer in scope, in chunks of {@value #CHUNK} looked up together. */
	void each(LocalDate asOf, int months, String dealerCode, Consumer<Item> sink) {
		List<ChurnFacts.ChurnedCustomer> chunk = new ArrayList<>();
		facts.eachChurned(asOf, months, users.scope(), dealerId(dealerCode), c -> {
			chunk.add(c);
			if (chunk.size() == CHUNK) {
				items(chunk).forEach(sink);
				chunk.clear();
			}
		});
		items(chunk).forEach(sink);
	}

	private List<Item> items(List<ChurnFacts.ChurnedCustomer> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<Long> customerIds = new HashSet<>();
		Set<Long> dealerIds = new HashSet<>();
		rows.forEach(r -> {
			customerIds.add(r.customerId());
			dealerIds.add(r.dealerId());
		});
		Map<Long, CustomerView> people = customers.forReferences(customerIds);
		Map<Long, DealerSummary> byId = dealers.byIds(dealerIds);
		return rows.stream().map(r -> {
			CustomerView c = people.get(r.customerId());
			DealerSummary d = byId.get(r.dealerId());
			return new Item(r.customerId(), c == null ? null : c.name(), c == null ? null : c.phone(),
					d == null ? null : d.code(), d == null ? null : d.name(),
					r.lastVisit().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime(), r.repairOrderNo(), r.vin(),
					r.model());
		}).toList();
	}
}
