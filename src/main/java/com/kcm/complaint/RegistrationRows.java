package com.kcm.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

import com.kcm.shared.sql.Insert;

/**
 * A complaint just registered as rows for plain JDBC (ADR 0002): the complaint, its timeline (the registration)
 * and its handling summary row (ADR 0003), in that order, for {@link RegistrationWrite} to write in one round
 * trip. Every column the entities map is written ({@code RegistrationWriteTests} holds these rows to the JPA
 * mapping); the complaint and its events take the ids given here.
 */
final class RegistrationRows {

	private RegistrationRows() {
	}

	/**
	 * The rows of the complaint under {@code complaintId} and of its events under ids from {@code eventIds}; the
	 * complaint's row carries the intake key of the request that registered it ({@code null} when none was given).
	 */
	static List<Insert> of(Complaint c, IntakeKey key, long complaintId, LongSupplier eventIds) {
		c.assignId(complaintId);
		List<Insert> rows = new ArrayList<>();
		rows.add(complaint(c, key));
		for (ComplaintEvent e : c.getEvents()) {
			e.assignId(eventIds.getAsLong());
			rows.add(event(e));
		}
		rows.add(summary(c));
		return rows;
	}

	private static Insert complaint(Complaint c, IntakeKey key) {
		OnlinePost online = c.getOnline();
		return Insert.into("complaint").value("id", c.getId()).value("external_id", c.getExternalId())
				.value("kind", c.getKind()).value("channel", c.getChannel()).value("category", c.getCategory())
				.value("sub_category", c.getSubCategory()).value("description", c.getDescription())
				.value("customer_id", c.getCustomerId()).value("customer_name", c.getCustomerName())
				.value("vehicle_id", c.getVehicleId()).value("complainant_type", c.getComplainantType())
				.value("complainant_name", c.getComplainantName()).value("repair_reason", c.getRepairReason())
				.value("online_platform", online == null ? null : online.getPlatform())
				.value("online_url", online == null ? null : online.getUrl())
				.value("online_posted_at", online == null ? null : online.getPostedAt())
				.value("online_handle", online == null ? null : online.getHandle())
				.value("online_content", online == null ? null : online.getContent())
				.value("online_negative", negative(c))
				.value("green_channel", c.isGreenChannel()).value("major", c.isMajor()).value("status", c.getStatus())
				.value("responsible_dealer_id", c.getResponsibleDealerId())
				.value("handling_dealer_id", c.getHandlingDealerId()).value("suggestion", c.getSuggestion())
				.value("registered_at", c.getRegisteredAt()).value("registered_by", c.getRegisteredBy())
				.value("first_dispatched_at", c.getFirstDispatchedAt()).value("closure_round", c.getClosureRound())
				.value("closure_requested_at", c.getClosureRequestedAt()).value("callback_due_at", c.getCallbackDueAt())
				.value("closed_at", c.getClosedAt()).value("nominated_at", c.getNominatedAt())
				.value("forced_closure_reason", c.getForcedClosureReason()).value("escalated_at", c.getEscalatedAt())
				.value("project_no", c.getProjectNo()).value("last_event_at", c.lastEventAt())
				.value("version", c.version()).value("intake_key", key == null ? null : key.key())
				.value("intake_body_hash", key == null ? null : key.bodyHash());
	}

	private static Insert event(ComplaintEvent e) {
		return Insert.into("complaint_event").value("id", e.getId()).value("complaint_id", e.complaintId())
				.value("work_order_id", e.getWorkOrderId()).value("dealer_id", e.getDealerId()).value("type", e.getType())
				.value("at", e.getAt()).value("actor", e.getActor()).value("from_status", e.getFromStatus())
				.value("to_status", e.getToStatus()).value("detail", e.getDetail()).value("category", e.getCategory());
	}

	/** Events in timeline order: by instant, then by id. */
	private static final Comparator<ComplaintEvent> ORDER = Comparator.comparing(ComplaintEvent::getAt)
			.thenComparing(ComplaintEvent::getId);

	/**
	 * The summary row of a complaint just registered, from its events (ids given, in their order) and its kind,
	 * channel and online flag: what {@link HandlingSummaryRows#insertComplaints} would build from the same rows.
	 * It has no callback yet.
	 */
	private static Insert summary(Complaint c) {
		// plain loops: a registration has a handful of events, and the stream pipelines were 3 % of an intake
		List<ComplaintEvent> ordered = new ArrayList<>(c.getEvents());
		ordered.sort(ORDER);
		List<ComplaintEvent> statuses = new ArrayList<>(ordered.size());
		List<ComplaintEvent> categories = new ArrayList<>(ordered.size());
		Instant closedAt = null;
		for (ComplaintEvent e : ordered) {
			if (e.getToStatus() != null) {
				statuses.add(e);
				if (closedAt == null && e.getToStatus().isClosed()) {
					closedAt = e.getAt();
				}
			}
			if (e.getCategory() != null) {
				categories.add(e);
			}
		}
		ComplaintEvent status = last(statuses, 0);
		ComplaintEvent statusBefore = last(statuses, 1);
		ComplaintEvent category = last(categories, 0);
		ComplaintEvent categoryBefore = last(categories, 1);
		return Insert.into("complaint_handling_summary").value("complaint_id", c.getId())
				.value("status", status == null ? null : status.getToStatus())
				.value("status_at", status == null ? null : status.getAt())
				.value("status_before", statusBefore == null ? null : statusBefore.getToStatus())
				.value("status_before_at", statusBefore == null ? null : statusBefore.getAt())
				.value("status_first_at", statuses.isEmpty() ? null : statuses.getFirst().getAt())
				.value("category", category == null ? null : category.getCategory())
				.value("category_at", category == null ? null : category.getAt())
				.value("category_before", categoryBefore == null ? null : categoryBefore.getCategory())
				.value("category_before_at", categoryBefore == null ? null : categoryBefore.getAt())
				.value("category_first_at", categories.isEmpty() ? null : categories.getFirst().getAt())
				.value("closed_at", closedAt).value("callback_first_at", null).value("callback_last_at", null)
				.value("reached_callbacks", 0).value("false_replies", 0).value("last_reached", null)
				.value("last_satisfied", null).value("kind", c.getKind()).value("channel", c.getChannel())
				.value("online_negative", negative(c));
	}

	/** The online post's negative flag; none for a complaint from another channel. */
	private static Boolean negative(Complaint c) {
		return c.getOnline() == null ? null : c.getOnline().isNegative();
	}

	private static ComplaintEvent last(List<ComplaintEvent> ordered, int back) {
		int i = ordered.size() - 1 - back;
		return i < 0 ? null : ordered.get(i);
	}
}
