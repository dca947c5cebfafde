package com.kcm.assessment;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard figures under {@code /api/v1/dashboards/{month}/…}, scoped like the page. */
@RestController
@RequestMapping("/api/v1/dashboards/{month}")
@PreAuthorize(DashboardPages.READERS)
class DashboardApi {

	private final Dashboards dashboards;

	DashboardApi(Dashboards dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/trend")
	Dashboards.Trend trend(@PathVariable String month, @RequestParam(required = false) String dealerCode,
			@RequestParam(required = false) String regionCode) {
		return dashboards.trend(Months.parse(month, "month"), dealerCode, regionCode, LocaleContextHolder.getLocale());
	}

	@GetMapping("/categories")
	List<Dashboards.CategorySlice> categories(@PathVariable String month,
			@RequestParam(required = false) String dealerCode, @RequestParam(required = false) String regionCode) {
		return dashboards.categories(Months.parse(month, "month"), dealerCode, regionCode,
				LocaleContextHolder.getLocale());
	}

	@GetMapping("/limit-headroom")
	List<Dashboards.LimitHeadroom> headroom(@PathVariable String month,
			@RequestParam(required = false) String dealerCode, @RequestParam(required = false) String regionCode) {
		return dashboards.headroom(Months.parse(month, "month"), dealerCode, regionCode);
	}
}
