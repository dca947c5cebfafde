package com.kcm.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.ValidationException;

/**
 * Service visits and quarterly complaint limits under {@code /api/v1}: the visits import file, a dealer's
 * visit history, a month's visits, the stored limits of a quarter and their computation on demand.
 */
@RestController
@RequestMapping("/api/v1")
class VisitsAndLimitsApi {

	static final String READERS = "hasAnyRole('AFTER_SALES', 'FINANCE', 'REGIONAL', 'DEALER')";

	private final ServiceVisits visits;
	private final ComplaintLimits limits;

	VisitsAndLimitsApi(ServiceVisits visits, ComplaintLimits limits) {
		this.visits = visits;
		this.limits = limits;
	}

	@PostMapping("/imports/service-visits")
	@PreAuthorize("hasRole('AFTER_SALES')")
	Map<String, Object> importVisits(@RequestParam(value = "file", required = false) MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ValidationException.of("file", "error.required");
		}
		try (InputStream in = file.getInputStream()) {
			return Map.of("imported", visits.importFile(file.getOriginalFilename(), in));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/service-visits")
	@PreAuthorize(READERS)
	Map<String, Object> month(@RequestParam String month, @RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return page(visits.month(Months.parse(month, "month"), regionCode, pageable(page, size)), VisitsAndLimitsApi::view);
	}

	@GetMapping("/service-visits/dealers/{code}")
	@PreAuthorize(READERS)
	Map<String, Object> history(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return page(visits.history(code, pageable(page, size)), VisitsAndLimitsApi::view);
	}

	@PostMapping("/limits/{quarter}/compute")
	@PreAuthorize("hasRole('AFTER_SALES')")
	Map<String, Object> compute(@PathVariable String quarter) {
		YearMonth start = Months.parseQuarter(quarter, "quarter");
		int n = limits.computeQuarter(start);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("quarter", Months.quarter(start));
		m.put("dealers", n);
		return m;
	}

	@GetMapping("/limits")
	@PreAuthorize(READERS)
	Map<String, Object> limits(@RequestParam String quarter, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return page(limits.list(Months.parseQuarter(quarter, "quarter"), dealerCode, regionCode, pageable(page, size)),
				VisitsAndLimitsApi::view);
	}

	static Pageable pageable(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
	}

	static <T> Map<String, Object> page(Page<T> p, Function<T, Map<String, Object>> view) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", p.getContent().stream().map(view).toList());
		m.put("page", p.getNumber());
		m.put("size", p.getSize());
		m.put("total", p.getTotalElements());
		return m;
	}

	static Map<String, Object> view(ServiceVisits.Recorded r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dealerCode", r.dealerCode());
		m.put("month", r.month());
		m.put("visits", r.visits());
		m.put("recordedAt", local(r.recordedAt()));
		m.put("recordedBy", r.recordedBy());
		return m;
	}

	static Map<String, Object> view(ComplaintLimits.QuarterLimit l) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dealerCode", l.dealerCode());
		m.put("quarter", l.quarter());
		m.put("visitsSum", l.visitsSum());
		m.put("averageVisits", l.averageVisits());
		m.put("band", l.band());
		m.put("computedLimit", l.computedLimit());
		m.put("computedAt", local(l.computedAt()));
		m.put("computedBy", l.computedBy());
		if (l.overrideLimit() == null) {
			m.put("override", null);
		} else {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("limit", l.overrideLimit());
			o.put("reason", l.overrideReason());
			o.put("by", l.overrideBy());
			o.put("at", local(l.overrideAt()));
			m.put("override", o);
		}
		m.put("effectiveLimit", l.effectiveLimit());
		return m;
	}

	static String local(java.time.Instant t) {
		return t == null ? null
				: OffsetDateTime.ofInstant(t, TimeConfig.BUSINESS_ZONE).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}
}
