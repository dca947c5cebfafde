package com.kcm.customer;

import java.util.List;

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

import com.kcm.customer.CustomerJson.CustomerAnswer;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.PageAnswer;

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
	PageAnswer<CustomerAnswer> list(@RequestParam(required = false) String customerClass,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String keyAccount,
			@RequestParam(defaultValue = "false") boolean duplicates, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String sort) {
		Page<CustomerView> p = customers.list(CustomerListing.filter(customerClass, kind, keyAccount, duplicates),
				CustomerListing.page(page, size, sort));
		return PageAnswer.of(p, CustomerJson::customer);
	}

	@GetMapping("/lookup")
	LookupAnswer lookup(@RequestParam String q) {
		return new LookupAnswer(LookupQuery.of(q).map(LookupQuery::kind).orElse(null),
				customers.lookup(q).stream().map(CustomerJson::customer).toList());
	}

	@GetMapping("/{id}")
	CustomerAnswer get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		return CustomerJson.customer(reveal ? customers.reveal(id) : customers.get(id));
	}

	@GetMapping("/{id}/duplicates")
	List<CustomerAnswer> duplicates(@PathVariable long id) {
		return customers.duplicatesOf(id).stream().map(CustomerJson::customer).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(CustomerRoles.WRITE)
	CustomerAnswer create(@RequestBody CustomerCommand cmd) {
		return CustomerJson.customer(customers.create(cmd));
	}

	@PutMapping("/{id}")
	@PreAuthorize(CustomerRoles.WRITE)
	CustomerAnswer update(@PathVariable long id, @RequestBody CustomerCommand cmd) {
		return CustomerJson.customer(customers.update(id, cmd));
	}

	/** Merges {@code mergedId} into customer {@code id} (the survivor). */
	@PostMapping("/{id}/merge")
	@PreAuthorize(CustomerRoles.MERGE)
	CustomerAnswer merge(@PathVariable long id, @RequestBody MergeRequest body) {
		if (body == null || body.mergedId() == null) {
			throw ValidationException.of("mergedId", "error.required");
		}
		customers.merge(id, body.mergedId());
		return CustomerJson.customer(customers.get(id));
	}

	/** What the lookup matched by (phone, VIN, plate, …; null when nothing fits) and the customers found. */
	record LookupAnswer(LookupQuery.Kind matchedBy, List<CustomerAnswer> items) {
	}
}
