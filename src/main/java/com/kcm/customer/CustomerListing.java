package com.kcm.customer;

import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Parses the list parameters shared by the page, the API and the export. */
final class CustomerListing {

	private CustomerListing() {
	}

	static CustomerFilter filter(String customerClass, String kind, String keyAccount, boolean duplicates) {
		return new CustomerFilter(
				customerClass == null || customerClass.isBlank() ? null : Customers.customerClass(customerClass),
				kind == null || kind.isBlank() ? null : Customers.kind(kind),
				keyAccount == null || keyAccount.isBlank() ? null : Boolean.valueOf(keyAccount.strip()), duplicates);
	}

	/** {@code name}, {@code -name}, {@code created}, {@code -created}, {@code id}, {@code -id}; default name. */
	static Sort sort(String sort) {
		String s = sort == null ? "" : sort.strip().toLowerCase(Locale.ROOT);
		boolean desc = s.startsWith("-");
		String key = desc ? s.substring(1) : s;
		String property = switch (key) {
			case "created" -> "createdAt";
			case "id" -> "id";
			case "class" -> "customerClass";
			default -> "name";
		};
		Sort by = Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, property);
		return property.equals("id") ? by : by.and(Sort.by("id"));
	}

	static Pageable page(int page, int size, String sort) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), sort(sort));
	}
}
