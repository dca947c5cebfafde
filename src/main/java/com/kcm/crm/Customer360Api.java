package com.kcm.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;

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
	Map<String, Object> api(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page) {
		Customer360.View v = view.of(id, type, page);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("customerId", id);
		m.put("name", v.customer().name());
		m.put("phone", v.customer().phone());
		m.put("class", CrmApi.json(v.customerClass()));
		m.put("keyAccount", v.customer().keyAccount());
		m.put("accountManagerName", v.customer().accountManagerName());
		m.put("consents", v.consents().stream().map(x -> {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("purpose", x.purpose());
			c.put("inForce", x.inForce());
			c.put("since", x.since() == null ? null : x.since().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString());
			c.put("channel", x.channel());
			return c;
		}).toList());
		m.put("vehicles", v.customer().vehicles().stream().map(x -> Map.of("id", x.id(), "vin", x.vin(),
				"badges", v.vehicleBadges().getOrDefault(x.id(), List.of()))).toList());
		m.put("timeline", v.timeline().entries().stream().map(e -> {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("type", e.type());
			t.put("at", e.at().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime().toString());
			t.put("title", e.title());
			t.put("detail", e.detail());
			t.put("status", e.status());
			return t;
		}).toList());
		m.put("page", v.timeline().page());
		m.put("hasNext", v.timeline().hasNext());
		return m;
	}

	@PostMapping("/api/v1/customers/{id}/communications")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> apiAdd(@PathVariable long id, @RequestBody Communications.EntryCommand body) {
		return Communications.json(communications.add(id, body));
	}

	@GetMapping("/api/v1/customers/{id}/communications")
	Map<String, Object> apiList(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return CrmApi.paged(communications.of(id, KeyAccounts.page(page, size)).map(Communications::json));
	}

}
