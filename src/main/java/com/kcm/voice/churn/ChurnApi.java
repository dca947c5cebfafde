package com.kcm.voice.churn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.PageAnswer;

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
	Churn.FiguresAnswer asOf(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		return Churn.json(churn.asOf(p.asOf(), p.months()));
	}

	/** The A.4 answer plus {@code byRegion} and {@code byModel} (each row key, base, churned, rate). */
	@GetMapping("/splits")
	@PreAuthorize(ChurnRoles.READ)
	Splits splits(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		Churn.Figures f = churn.asOf(p.asOf(), p.months());
		return new Splits(Churn.json(f),
				f.byRegion().stream().map(r -> new RegionRow(key(r), r.base(), r.churned(), r.rate())).toList(),
				f.byModel().stream().map(r -> new ModelRow(key(r), r.base(), r.churned(), r.rate())).toList());
	}

	/** The A.4 answer with rows by region and by model (an empty key as null). */
	record Splits(@JsonUnwrapped Churn.FiguresAnswer figures, List<RegionRow> byRegion, List<ModelRow> byModel) {
	}

	record RegionRow(String regionCode, long base, long churned, BigDecimal rate) {
	}

	record ModelRow(String model, long base, long churned, BigDecimal rate) {
	}

	record Created(long id) {
	}

	private static String key(Churn.Row r) {
		return r.key().isEmpty() ? null : r.key();
	}

	@GetMapping("/trend")
	@PreAuthorize(ChurnRoles.READ)
	List<Churn.TrendPoint> trend(@RequestParam(required = false) String asOf, @RequestParam(required = false) String months) {
		Churn.Params p = churn.params(asOf, months);
		return churn.trend(p.asOf(), p.months());
	}

	@GetMapping("/customers")
	@PreAuthorize(ChurnRoles.READ)
	PageAnswer<ChurnedCustomers.Item> customers(@RequestParam(required = false) String asOf,
			@RequestParam(required = false) String months, @RequestParam(required = false) String dealerCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Churn.Params p = churn.params(asOf, months);
		ChurnedCustomers.Page list = churned.page(p.asOf(), p.months(), dealerCode, page, size);
		return new PageAnswer<>(list.items(), list.page(), list.size(), list.total());
	}

	@PostMapping("/retention-calls")
	@PreAuthorize(ChurnRoles.CALL)
	ResponseEntity<Created> call(@RequestBody RetentionCalls.Command body) {
		return ResponseEntity.status(201).body(new Created(calls.record(body)));
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
