package com.kcm.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;

import com.kcm.crm.CustomerTimelineSource;
import com.kcm.crm.TimelineEntry;
import com.kcm.crm.VehicleStatusSource;
import com.kcm.customer.VehicleView;
import com.kcm.shared.TimeConfig;

/**
 * What this module adds to the customer 360° page (SPEC §7.1): each vehicle's 三包 state (one badge per
 * reached or approaching flag, or the end of the 三包 period when none is) and the repair orders of the
 * customer's vehicles on the timeline.
 */
@Configuration(proxyBeanMethods = false)
class QualityInCustomer360 {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	@Bean
	VehicleStatusSource sanbaoBadges(SanbaoWatch watch, MessageSource messages, Clock clock) {
		return vehicles -> {
			Map<String, SanbaoState> states = watch.statesOf(vehicles.stream().map(VehicleView::vin).toList(),
					clock.instant());
			LocalDate today = LocalDate.now(clock.withZone(TimeConfig.BUSINESS_ZONE));
			Map<Long, List<VehicleStatusSource.Badge>> badges = new LinkedHashMap<>();
			for (VehicleView v : vehicles) {
				SanbaoState state = states.get(v.vin());
				if (state == null || state.start() == null) {
					continue;
				}
				List<VehicleStatusSource.Badge> list = new ArrayList<>();
				for (SanbaoFlag f : state.flags()) {
					String label = messages.getMessage("quality.flag." + f.code(), null, f.code(),
							LocaleContextHolder.getLocale());
					list.add(new VehicleStatusSource.Badge("三包 " + label + " " + f.figure() + "/" + f.threshold(),
							f.reached() ? "danger" : "warning"));
				}
				if (list.isEmpty()) {
					list.add(period(state, today));
				}
				badges.put(v.id(), list);
			}
			return badges;
		};
	}

	/** The period the vehicle is in today by time: 三包 until its last day, then 包修期, then neither. */
	static VehicleStatusSource.Badge period(SanbaoState state, LocalDate today) {
		if (today.isBefore(state.sanbaoUntil())) {
			return new VehicleStatusSource.Badge("三包至 " + DAY.format(state.sanbaoUntil().minusDays(1)), "secondary");
		}
		if (today.isBefore(state.warrantyUntil())) {
			return new VehicleStatusSource.Badge("包修期至 " + DAY.format(state.warrantyUntil().minusDays(1)), "light");
		}
		return new VehicleStatusSource.Badge("三包及包修期已过", "light");
	}

	@Bean
	CustomerTimelineSource repairOrderTimeline(SanbaoWatch watch) {
		return CustomerTimelineSource.of(Set.of("REPAIR_ORDER"), (customerId, limit) -> {
			return watch.repairOrdersOfCustomer(customerId, PageRequest.of(0, limit)).stream()
					.map(o -> new TimelineEntry("REPAIR_ORDER", o.openedAt(),
							o.dealerCode() + " " + o.repairOrderNo() + " · " + o.vin(),
							detail(o), o.closedAt() == null ? "OPEN" : "CLOSED", "/quality/vehicles/" + o.vin()))
					.toList();
		});
	}

	private static String detail(RepairOrderView o) {
		String text = o.system() + " " + o.faultCode() + (o.description() == null ? "" : " " + o.description())
				+ " · " + o.mileageKm() + " km · " + o.repairDays() + " 天"
				+ (o.qualityProblem() ? " · 质量问题" : "")
				+ " · " + o.openedAt().atZone(TimeConfig.BUSINESS_ZONE).toLocalDate();
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
