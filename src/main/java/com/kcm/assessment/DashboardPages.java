package com.kcm.assessment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.kcm.dealer.DealerCatalog;

/**
 * The assessment dashboard (考核看板): the page, and the JSON its ECharts charts load (same session, so
 * the charts follow the signed-in user's scope).
 */
@Controller
@PreAuthorize(DashboardPages.READERS)
class DashboardPages {

	/** Everyone who works with assessments; dealer and regional users are scoped. */
	static final String READERS = "hasAnyRole('AFTER_SALES', 'CS_SUPERVISOR', 'FINANCE', 'REGIONAL', 'DEALER')";

	private final Dashboards dashboards;
	private final AssessmentScope scope;
	private final StoredResults stored;
	private final DealerCatalog dealers;
	private final Clock clock;

	DashboardPages(Dashboards dashboards, AssessmentScope scope, StoredResults stored, DealerCatalog dealers,
			Clock clock) {
		this.dashboards = dashboards;
		this.scope = scope;
		this.stored = stored;
		this.dealers = dealers;
		this.clock = clock;
	}

	@GetMapping("/assessment/dashboard")
	String page(@RequestParam(required = false) String month, @RequestParam(required = false) String dealer,
			@RequestParam(required = false) String region, Model model) {
		YearMonth m = month(month);
		AssessmentScope.Selection sel = scope.select(dealer, region);
		model.addAttribute("month", m.toString());
		model.addAttribute("selection", sel);
		model.addAttribute("dealer", sel.dealer() == null ? null : sel.dealer().code());
		model.addAttribute("region", sel.region() == null ? null : sel.region().code());
		model.addAttribute("dealerScoped", scope.scope().dealerId() != null);
		model.addAttribute("regions", scope.scope().dealerId() != null ? List.of() : dealers.visibleRegions());
		model.addAttribute("computed", stored.computed(m));
		return "assessment/dashboard";
	}

	@GetMapping("/assessment/dashboard/data/trend")
	@ResponseBody
	Dashboards.Trend trend(@RequestParam(required = false) String month, @RequestParam(required = false) String dealer,
			@RequestParam(required = false) String region) {
		return dashboards.trend(month(month), dealer, region, LocaleContextHolder.getLocale());
	}

	@GetMapping("/assessment/dashboard/data/categories")
	@ResponseBody
	List<Dashboards.CategorySlice> categories(@RequestParam(required = false) String month,
			@RequestParam(required = false) String dealer, @RequestParam(required = false) String region) {
		return dashboards.categories(month(month), dealer, region, LocaleContextHolder.getLocale());
	}

	@GetMapping("/assessment/dashboard/data/headroom")
	@ResponseBody
	List<Dashboards.LimitHeadroom> headroom(@RequestParam(required = false) String month,
			@RequestParam(required = false) String dealer, @RequestParam(required = false) String region) {
		return dashboards.headroom(month(month), dealer, region);
	}

	private YearMonth month(String month) {
		return month == null || month.isBlank() ? BulletinPages.defaultMonth(stored, clock) : Months.parse(month, "month");
	}
}
