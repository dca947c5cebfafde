package com.kcm.crm;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.web.PageAnswer;

/** {@code /api/v1/customers/{id}/360} and the communication log, scoped as the 360° page. */
@RestController
@PreAuthorize(CrmApi.READ)
class Customer360Api {

	private final Customer360 view;
	private final Communications communications;

	Customer360Api(Customer360 view, Communications communications) {
		this.view = view;
		this.communications = communications;
	}

	@GetMapping("/api/v1/customers/{id}/360")
	View360 api(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page) {
		Customer360.View v = view.of(id, type, page);
		return new View360(id, v.customer().name(), v.customer().phone(), v.customerClass(), v.customer().keyAccount(),
				v.customer().accountManagerName(),
				v.consents().stream().map(x -> new CustomerConsent(x.purpose(), x.inForce(), local(x.since()), x.channel()))
						.toList(),
				v.customer().vehicles().stream().map(x -> new VehicleBadges(x.id(), x.vin(),
						v.vehicleBadges().getOrDefault(x.id(), List.of()))).toList(),
				v.timeline().entries().stream()
						.map(e -> new TimelineAnswer(e.type(), local(e.at()), e.title(), e.detail(), e.status())).toList(),
				v.timeline().page(), v.timeline().hasNext());
	}

	@PostMapping("/api/v1/customers/{id}/communications")
	@ResponseStatus(HttpStatus.CREATED)
	Communications.CommunicationAnswer apiAdd(@PathVariable long id, @RequestBody Communications.EntryCommand body) {
		return Communications.CommunicationAnswer.of(communications.add(id, body));
	}

	@GetMapping("/api/v1/customers/{id}/communications")
	PageAnswer<Communications.CommunicationAnswer> apiList(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageAnswer.of(communications.of(id, KeyAccounts.page(page, size)), Communications.CommunicationAnswer::of);
	}

	/** The customer at a glance: class, consents, vehicles with their badges, and a page of the timeline. */
	record View360(long customerId, String name, String phone, @JsonProperty("class") CustomerClasses.ClassAnswer customerClass,
			boolean keyAccount, String accountManagerName, List<CustomerConsent> consents, List<VehicleBadges> vehicles,
			List<TimelineAnswer> timeline, int page, boolean hasNext) {
	}

	record CustomerConsent(String purpose, boolean inForce, String since, String channel) {
	}

	record VehicleBadges(long id, String vin, List<VehicleStatusSource.Badge> badges) {
	}

	record TimelineAnswer(String type, String at, String title, String detail, String status) {
	}

	private static String local(java.time.Instant at) {
		return at == null ? null : at.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString();
	}
}
