package com.kcm.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.domain.ValidationException;

/** {@code /api/v1/customers}: list, lookup, read (masked or revealed), create, update, merge. */
@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize(CustomerRoles.READ)
class CustomerApi {

	record MergeRequest(Long mergedId) {
	}

	private final Customers customers;

	CustomerApi(Customers customers) {
		this.customers = customers;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String customerClass,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String keyAccount,
			@RequestParam(defaultValue = "false") boolean duplicates, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String sort) {
		Page<CustomerView> p = customers.list(CustomerListing.filter(customerClass, kind, keyAccount, duplicates),
				CustomerListing.page(page, size, sort));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", p.getContent().stream().map(CustomerJson::customer).toList());
		m.put("page", p.getNumber());
		m.put("size", p.getSize());
		m.put("total", p.getTotalElements());
		return m;
	}

	@GetMapping("/lookup")
	Map<String, Object> lookup(@RequestParam String q) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("matchedBy", LookupQuery.of(q).map(LookupQuery::kind).orElse(null));
		m.put("items", customers.lookup(q).stream().map(CustomerJson::customer).toList());
		return m;
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		return CustomerJson.customer(reveal ? customers.reveal(id) : customers.get(id));
	}

	@GetMapping("/{id}/duplicates")
	List<Map<String, Object>> duplicates(@PathVariable long id) {
		return customers.duplicatesOf(id).stream().map(CustomerJson::customer).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(CustomerRoles.WRITE)
	Map<String, Object> create(@RequestBody CustomerCommand cmd) {
		return CustomerJson.customer(customers.create(cmd));
	}

	@PutMapping("/{id}")
	@PreAuthorize(CustomerRoles.WRITE)
	Map<String, Object> update(@PathVariable long id, @RequestBody CustomerCommand cmd) {
		return CustomerJson.customer(customers.update(id, cmd));
	}

	/** Merges {@code mergedId} into customer {@code id} (the survivor). */
	@PostMapping("/{id}/merge")
	@PreAuthorize(CustomerRoles.MERGE)
	Map<String, Object> merge(@PathVariable long id, @RequestBody MergeRequest body) {
		if (body == null || body.mergedId() == null) {
			throw ValidationException.of("mergedId", "error.required");
		}
		customers.merge(id, body.mergedId());
		return CustomerJson.customer(customers.get(id));
	}
}
