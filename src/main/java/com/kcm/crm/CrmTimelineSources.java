package com.kcm.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;

import com.kcm.complaint.CustomerComplaints;
import com.kcm.shared.TimeConfig;

/**
 * The timeline sources this module knows: the complaint module's complaints, repair requests and callbacks
 * (through its published {@link CustomerComplaints}), and this module's visits and communication log.
 */
@Configuration(proxyBeanMethods = false)
class CrmTimelineSources {

	@Bean
	CustomerTimelineSource complaintTimeline(CustomerComplaints complaints) {
		return CustomerTimelineSource.of(Set.of("COMPLAINT", "REPAIR_REQUEST", "CALLBACK"), (customerId, limit) -> {
			List<CustomerComplaints.Line> lines = complaints.of(customerId, limit);
			List<TimelineEntry> out = new ArrayList<>();
			for (CustomerComplaints.Line l : lines) {
				out.add(new TimelineEntry(l.kind(), l.registeredAt(), "#" + l.id(), shorten(l.description()),
						l.status(), "/complaints/" + l.id()));
			}
			for (CustomerComplaints.CallbackLine cb : complaints.callbacks(lines.stream().map(CustomerComplaints.Line::id)
					.toList(), limit)) {
				out.add(new TimelineEntry("CALLBACK", cb.at(), "#" + cb.complaintId(), shorten(cb.notes()),
						cb.reached() ? (Boolean.TRUE.equals(cb.satisfied()) ? "SATISFIED" : "REACHED") : "UNREACHED",
						"/complaints/" + cb.complaintId()));
			}
			return out;
		});
	}

	@Bean
	CustomerTimelineSource visitTimeline(VisitRepository visits, MessageSource messages) {
		return CustomerTimelineSource.of(Set.of("VISIT"), (customerId, limit) -> {
			return visits.findByCustomerIdOrderByDateDescIdDesc(customerId, PageRequest.of(0, limit)).stream()
					.map(v -> new TimelineEntry("VISIT", v.getDate().atTime(12, 0).atZone(TimeConfig.BUSINESS_ZONE).toInstant(),
							label(messages, "crm.visit.kind.", v.getKind()), shorten(v.getContent()), null, "/key-accounts/" + customerId))
					.toList();
		});
	}

	@Bean
	CustomerTimelineSource communicationTimeline(CommunicationRepository entries, MessageSource messages) {
		return CustomerTimelineSource.of(Set.of("COMMUNICATION"), (customerId, limit) -> {
			return entries.findByCustomerIdOrderByAtDescIdDesc(customerId, PageRequest.of(0, limit)).stream()
					.map(e -> new TimelineEntry("COMMUNICATION", e.getAt(),
							"#" + e.getId() + " " + label(messages, "crm.comm.channel.", e.getChannel()) + " · "
									+ label(messages, "crm.comm.direction.", e.getDirection()) + " · " + e.getUserName(),
							(e.getCorrectsId() == null ? "" : "[更正 #" + e.getCorrectsId() + "] ") + e.getSummary(),
							null, e.getComplaintId() == null ? null : "/complaints/" + e.getComplaintId()))
					.toList();
		});
	}

	@Bean
	CustomerTimelineSource goodwillTimeline(CustomerComplaints complaints, GoodwillRepository goodwill) {
		return CustomerTimelineSource.of(Set.of("GOODWILL"), (customerId, limit) -> {
			List<Long> ids = complaints.of(customerId, limit).stream().map(CustomerComplaints.Line::id).toList();
			return ids.isEmpty() ? List.of() : goodwill.findByComplaintIdInOrderByProposedAtDesc(ids).stream().limit(limit)
					.map(g -> new TimelineEntry("GOODWILL", g.getProposedAt(), "#" + g.getComplaintId(),
							g.getWhat() + " · ¥" + g.getAmount().toPlainString(), g.getStatus().name(),
							"/complaints/" + g.getComplaintId() + "/goodwill"))
					.toList();
		});
	}

	/** The label of an enum value in the reader's language (its name when the bundle has none). */
	static String label(MessageSource messages, String prefix, Enum<?> value) {
		return messages.getMessage(prefix + value.name(), null, value.name(), LocaleContextHolder.getLocale());
	}

	static String shorten(String s) {
		return s == null ? null : s.length() > 140 ? s.substring(0, 140) + "…" : s;
	}
}
