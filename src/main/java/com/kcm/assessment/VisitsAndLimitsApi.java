package com.kcm.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
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

	/** {@code POST /imports/service-visits}: how many rows were imported. */
	record VisitsImported(int imported) {
	}

	/** {@code POST /limits/{quarter}/compute}: how many dealers' limits were computed. */
	record QuarterComputed(String quarter, int dealers) {
	}

	/** A page of a list. */
	record ListPage<T>(List<T> items, int page, int size, long total) {

		static <S, T> ListPage<T> of(Page<S> p, Function<S, T> view) {
			return new ListPage<>(p.getContent().stream().map(view).toList(), p.getNumber(), p.getSize(),
					p.getTotalElements());
		}
	}

	/** A dealer's recorded visits of a month. */
	record DealerMonthVisits(String dealerCode, String month, int visits, String recordedAt, String recordedBy) {

		static DealerMonthVisits of(ServiceVisits.Recorded r) {
			return new DealerMonthVisits(r.dealerCode(), r.month(), r.visits(), local(r.recordedAt()), r.recordedBy());
		}
	}

	/** A dealer's stored limit of a quarter, the override when there is one (else null), and the limit in force. */
	record StoredLimit(String dealerCode, String quarter, int visitsSum, BigDecimal averageVisits, String band,
			int computedLimit, String computedAt, String computedBy, LimitOverrideView override, int effectiveLimit) {

		static StoredLimit of(ComplaintLimits.QuarterLimit l) {
			return new StoredLimit(l.dealerCode(), l.quarter(), l.visitsSum(), l.averageVisits(), l.band(),
					l.computedLimit(), local(l.computedAt()), l.computedBy(), l.overrideLimit() == null ? null
							: new LimitOverrideView(l.overrideLimit(), l.overrideReason(), l.overrideBy(), local(l.overrideAt())),
					l.effectiveLimit());
		}
	}

	record LimitOverrideView(int limit, String reason, String by, String at) {
	}

	private final ServiceVisits visits;
	private final ComplaintLimits limits;

	VisitsAndLimitsApi(ServiceVisits visits, ComplaintLimits limits) {
		this.visits = visits;
		this.limits = limits;
	}

	@PostMapping("/imports/service-visits")
	@PreAuthorize("hasRole('AFTER_SALES')")
	VisitsImported importVisits(@RequestParam(value = "file", required = false) MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ValidationException.of("file", "error.required");
		}
		try (InputStream in = file.getInputStream()) {
			return new VisitsImported(visits.importFile(file.getOriginalFilename(), in));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/service-visits")
	@PreAuthorize(READERS)
	ListPage<DealerMonthVisits> month(@RequestParam String month, @RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return ListPage.of(visits.month(Months.parse(month, "month"), regionCode, pageable(page, size)), DealerMonthVisits::of);
	}

	@GetMapping("/service-visits/dealers/{code}")
	@PreAuthorize(READERS)
	ListPage<DealerMonthVisits> history(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return ListPage.of(visits.history(code, pageable(page, size)), DealerMonthVisits::of);
	}

	@PostMapping("/limits/{quarter}/compute")
	@PreAuthorize("hasRole('AFTER_SALES')")
	QuarterComputed compute(@PathVariable String quarter) {
		YearMonth start = Months.parseQuarter(quarter, "quarter");
		int n = limits.computeQuarter(start);
		return new QuarterComputed(Months.quarter(start), n);
	}

	@GetMapping("/limits")
	@PreAuthorize(READERS)
	ListPage<StoredLimit> limits(@RequestParam String quarter, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return ListPage.of(limits.list(Months.parseQuarter(quarter, "quarter"), dealerCode, regionCode, pageable(page, size)),
				StoredLimit::of);
	}

	static Pageable pageable(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
	}

	static String local(java.time.Instant t) {
		return t == null ? null
				: OffsetDateTime.ofInstant(t, TimeConfig.BUSINESS_ZONE).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}
}
