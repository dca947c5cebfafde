package com.kcm.customer;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;

/**
 * Turns a page of customers into views in three queries whatever the page size: the customers' vehicles,
 * the vehicles' dealers, and which of the page's phones are shared (duplicates). Masks unless told to
 * reveal.
 */
@Component
class CustomerViews {

	private final VehicleRepository vehicles;
	private final CustomerRepository customers;
	private final DealerCatalog dealers;
	private final PersonalData personal;

	CustomerViews(VehicleRepository vehicles, CustomerRepository customers, DealerCatalog dealers,
			PersonalData personal) {
		this.vehicles = vehicles;
		this.customers = customers;
		this.dealers = dealers;
		this.personal = personal;
	}

	List<CustomerView> of(List<Customer> page, boolean reveal) {
		if (page.isEmpty()) {
			return List.of();
		}
		Map<Long, List<VehicleView>> byOwner = vehiclesOf(page.stream().map(Customer::getId).toList()).stream()
				.collect(Collectors.groupingBy(VehicleView::ownerId));
		Set<String> hashes = page.stream().map(Customer::getPhoneHash).filter(Objects::nonNull).collect(Collectors.toSet());
		Set<String> shared = hashes.isEmpty() ? Set.of() : new HashSet<>(customers.sharedPhoneHashes(hashes));
		return page.stream().map(c -> view(c, reveal, c.getPhoneHash() != null && shared.contains(c.getPhoneHash())
				&& !c.isMerged(), byOwner.getOrDefault(c.getId(), List.of()))).toList();
	}

	CustomerView of(Customer c, boolean reveal) {
		return of(List.of(c), reveal).get(0);
	}

	List<VehicleView> vehiclesOf(Collection<Long> ownerIds) {
		List<Vehicle> list = vehicles.findByOwnerIdInOrderById(ownerIds);
		return vehicleViews(list);
	}

	List<VehicleView> vehicleViews(List<Vehicle> list) {
		Set<Long> dealerIds = list.stream().map(Vehicle::getSellingDealerId).filter(Objects::nonNull)
				.collect(Collectors.toSet());
		Map<Long, DealerSummary> byId = dealerIds.isEmpty() ? Map.of() : dealers.byIds(dealerIds);
		return list.stream().map(v -> {
			DealerSummary d = v.getSellingDealerId() == null ? null : byId.get(v.getSellingDealerId());
			return new VehicleView(v.getId(), v.getVin(), v.getPlate(), v.getModel(), v.getPurchaseDate(),
					v.getSellingDealerId(), d == null ? null : d.code(), d == null ? null : d.name(),
					v.getInsuranceType(), v.getModificationNotes(), v.getOwnerId(), v.getDeliveryDate());
		}).toList();
	}

	private CustomerView view(Customer c, boolean reveal, boolean duplicate, List<VehicleView> vs) {
		return new CustomerView(c.getId(), c.getName(),
				c.getPhoneCipher() == null ? null : personal.phone(c.getPhoneCipher(), reveal),
				c.getPhone2Cipher() == null ? null : personal.phone(c.getPhone2Cipher(), reveal),
				c.getIdNumberCipher() == null ? null : personal.idNumber(c.getIdNumberCipher(), reveal), reveal,
				c.getKind(), c.getCustomerClass(), c.getClassReason(), c.isKeyAccount(), c.getAccountManagerUserId(),
				c.getAccountManagerName(), c.getOccupation(), c.getBirthday(), c.getAddress(), c.isMarketingConsent(),
				c.getSource(), c.getMergedIntoId(), duplicate, vs, c.getComputedClass());
	}
}
