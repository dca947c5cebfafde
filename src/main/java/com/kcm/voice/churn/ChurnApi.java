package com.kcm.voice.churn;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.domain.ValidationException;

/**
 * Appendix A.4 {@code GET /api/v1/churn?asOf=&months=}, and beyond it: the split by region and model, the 12-month
 * trend, the churned customers (paged, masked) and retention calls with their reasons per dealer.
 */
@RestController
@RequestMapping("/api/v1/churn")
class ChurnApi {

	private final Churn churn;
	private final ChurnedCustomers churned;
	private final RetentionCalls calls;

	ChurnApi(Churn churn, ChurnedCustomers churned, RetentionCalls calls) {
		this.churn = churn;
		this.churned = churned;
		this.calls = calls;
	}

	@GetMapping
	@PreAuthorize(ChurnRoles.READ)
	Map<String, Object> asOf(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		return Churn.json(churn.asOf(p.asOf(), p.months()));
	}

	/** The A.4 answer plus {@code byRegion} and {@code byModel} (each row key, base, churned, rate). */
	@GetMapping("/splits")
	@PreAuthorize(ChurnRoles.READ)
	Map<String, Object> splits(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		Churn.Figures f = churn.asOf(p.asOf(), p.months());
		Map<String, Object> m = Churn.json(f);
		m.put("byRegion", f.byRegion().stream().map(r -> row("regionCode", r)).toList());
		m.put("byModel", f.byModel().stream().map(r -> row("model", r)).toList());
		return m;
	}

	private static Map<String, Object> row(String key, Churn.Row r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(key, r.key().isEmpty() ? null : r.key());
		m.put("base", r.base());
		m.put("churned", r.churned());
		m.put("rate", r.rate());
		return m;
	}

	@GetMapping("/trend")
	@PreAuthorize(ChurnRoles.READ)
	List<Churn.TrendPoint> trend(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		return churn.trend(p.asOf(), p.months());
	}

	@GetMapping("/customers")
	@PreAuthorize(ChurnRoles.READ)
	Map<String, Object> customers(@RequestParam(required = false) String asOf,
			@RequestParam(required = false) String months, @RequestParam(required = false) String dealerCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Churn.Params p = churn.params(asOf, months);
		ChurnedCustomers.Page list = churned.page(p.asOf(), p.months(), dealerCode, page, size);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", list.items());
		m.put("page", list.page());
		m.put("size", list.size());
		m.put("total", list.total());
		return m;
	}

	@PostMapping("/retention-calls")
	@PreAuthorize(ChurnRoles.CALL)
	ResponseEntity<Map<String, Object>> call(@RequestBody RetentionCalls.Command body) {
		return ResponseEntity.status(201).body(Map.of("id", calls.record(body)));
	}

	@GetMapping("/retention-reasons")
	@PreAuthorize(ChurnRoles.READ)
	List<RetentionCalls.DealerReasons> reasons(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		LocalDate end = date("to", to, churn.today());
		return calls.reasonsByDealer(date("from", from, end.minusMonths(12).plusDays(1)), end);
	}

	static LocalDate date(String field, String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		} catch (DateTimeParseException e) {
			throw ValidationException.of(field, "churn.date.invalid");
		}
	}
}
