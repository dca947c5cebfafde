package com.kcm.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
		return new CustomerTimelineSource() {
			@Override
			public Set<String> types() {
				return Set.of("COMPLAINT", "REPAIR_REQUEST", "CALLBACK");
			}

			@Override
			public List<TimelineEntry> entries(long customerId, int limit) {
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
			}
		};
	}

	@Bean
	CustomerTimelineSource visitTimeline(VisitRepository visits) {
		return new CustomerTimelineSource() {
			@Override
			public Set<String> types() {
				return Set.of("VISIT");
			}

			@Override
			public List<TimelineEntry> entries(long customerId, int limit) {
				return visits.findByCustomerIdOrderByDateDescIdDesc(customerId, PageRequest.of(0, limit)).stream()
						.map(v -> new TimelineEntry("VISIT", v.getDate().atTime(12, 0).atZone(TimeConfig.BUSINESS_ZONE).toInstant(),
								v.getKind().name(), shorten(v.getContent()), null, "/key-accounts/" + customerId))
						.toList();
			}
		};
	}

	@Bean
	CustomerTimelineSource communicationTimeline(CommunicationRepository entries) {
		return new CustomerTimelineSource() {
			@Override
			public Set<String> types() {
				return Set.of("COMMUNICATION");
			}

			@Override
			public List<TimelineEntry> entries(long customerId, int limit) {
				return entries.findByCustomerIdOrderByAtDescIdDesc(customerId, PageRequest.of(0, limit)).stream()
						.map(e -> new TimelineEntry("COMMUNICATION", e.getAt(),
								"#" + e.getId() + " " + e.getChannel().name() + " · " + e.getDirection().name() + " · " + e.getUserName(),
								(e.getCorrectsId() == null ? "" : "[更正 #" + e.getCorrectsId() + "] ") + e.getSummary(),
								null, e.getComplaintId() == null ? null : "/complaints/" + e.getComplaintId()))
						.toList();
			}
		};
	}

	@Bean
	CustomerTimelineSource goodwillTimeline(CustomerComplaints complaints, GoodwillRepository goodwill) {
		return new CustomerTimelineSource() {
			@Override
			public Set<String> types() {
				return Set.of("GOODWILL");
			}

			@Override
			public List<TimelineEntry> entries(long customerId, int limit) {
				List<Long> ids = complaints.of(customerId, limit).stream().map(CustomerComplaints.Line::id).toList();
				return ids.isEmpty() ? List.of() : goodwill.findByComplaintIdInOrderByProposedAtDesc(ids).stream().limit(limit)
						.map(g -> new TimelineEntry("GOODWILL", g.getProposedAt(), "#" + g.getComplaintId(),
								g.getWhat() + " · ¥" + g.getAmount().toPlainString(), g.getStatus().name(),
								"/complaints/" + g.getComplaintId() + "/goodwill"))
						.toList();
			}
		};
	}

	static String shorten(String s) {
		return s == null ? null : s.length() > 140 ? s.substring(0, 140) + "…" : s;
	}
}
