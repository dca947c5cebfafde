package com.kcm.complaint;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's complaints and repair requests and their callbacks, as the caller may see them (a dealer user
 * only those with a work order to its dealer, a regional user its region's): for the customer 360° page of
 * the crm module. Newest first, at most {@code limit}; one query each.
 */
@Service
@Transactional(readOnly = true)
public class CustomerComplaints {

	/** A complaint or repair request of the customer. */
	public record Line(long id, String kind, String status, String category, Instant registeredAt, String description,
			Long vehicleId) {
	}

	/** A callback (回访) made on one of the customer's complaints. */
	public record CallbackLine(long complaintId, Instant at, boolean reached, Boolean satisfied, String notes) {
	}

	private final ComplaintAccess access;
	private final ComplaintRepository complaints;
	private final JdbcClient jdbc;

	CustomerComplaints(ComplaintAccess access, ComplaintRepository complaints, JdbcClient jdbc) {
		this.access = access;
		this.complaints = complaints;
		this.jdbc = jdbc;
	}

	/** What a satisfaction survey after a closure needs of the complaint: its customer, dealer and kind. */
	public record SurveySubject(long complaintId, Long customerId, Long dealerId, String kind) {
	}

	/**
	 * The survey subject of a complaint, for the system after its closure (no caller, no scope): the customer, the
	 * dealer that handled it (else the responsible one) and the kind; empty when it does not exist.
	 */
	public java.util.Optional<SurveySubject> surveySubject(long complaintId) {
		return complaints.findById(complaintId).map(c -> new SurveySubject(c.getId(), c.getCustomerId(),
				c.getHandlingDealerId() != null ? c.getHandlingDealerId() : c.getResponsibleDealerId(), c.getKind().name()));
	}

	/**
	 * The survey subjects of the complaints closed last with status {@code CLOSED}, newest first, at most
	 * {@code limit}, one per customer (its latest closure), for the system (no caller, no scope): the demo data
	 * surveys them. Walks the newest closures down the {@code closed_at} index (the first closure seen of a
	 * customer is its latest) and reads at most 20 per subject wanted: a bounded read whatever the table holds,
	 * where a "latest closure of each customer" query read every closed complaint and, planned on a table still
	 * being loaded, once ran for minutes.
	 */
	public List<SurveySubject> latestClosed(int limit) {
		java.util.Map<Long, SurveySubject> byCustomer = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select c.id, c.customer_id, coalesce(c.handling_dealer_id, c.responsible_dealer_id), c.kind from complaint c
				where c.closed_at is not null and c.status = 'CLOSED' and c.customer_id is not null
				order by c.closed_at desc, c.id desc fetch first :n rows only""").param("n", Math.max(0, limit) * 20L)
				.query((rs, n) -> new SurveySubject(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
						rs.getString(4)))
				.list().forEach(s -> byCustomer.putIfAbsent(s.customerId(), s));
		return byCustomer.values().stream().limit(Math.max(0, limit)).toList();
	}

	/** Refuses a complaint the caller may not see (404, audited). */
	public void requireVisible(long complaintId) {
		access.load(complaintId);
	}

	/** The customer of a complaint the caller may see (404 and audited otherwise); empty when it has none. */
	public java.util.Optional<Long> customerOf(long complaintId) {
		return java.util.Optional.ofNullable(access.load(complaintId).getCustomerId());
	}

	/**
	 * The dealer handling a complaint the caller may see (the current work order's, else the responsible one);
	 * 404 and audited when not visible; empty before the first dispatch.
	 */
	public java.util.Optional<Long> handlingDealerOf(long complaintId) {
		Complaint c = access.load(complaintId);
		return java.util.Optional.ofNullable(c.getHandlingDealerId() != null ? c.getHandlingDealerId() : c.getResponsibleDealerId());
	}

	public List<Line> of(long customerId, int limit) {
		Specification<Complaint> spec = (r, q, cb) -> cb.equal(r.get("customerId"), customerId);
		return complaints.findAll(spec.and(access.visible()),
				PageRequest.of(0, limit, Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("id")))).stream()
				.map(c -> new Line(c.getId(), c.getKind().name(), c.getStatus().name(),
						c.getCategory() == null ? null : c.getCategory().name(), c.getRegisteredAt(),
						c.getDescription(), c.getVehicleId()))
				.toList();
	}

	/** Callbacks on the given complaints (ids the caller got from {@link #of}), newest first. */
	public List<CallbackLine> callbacks(List<Long> complaintIds, int limit) {
		if (complaintIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select complaint_id, at, reached, satisfied, notes from complaint_callback "
				+ "where complaint_id in (:ids) order by at desc, id desc limit :limit").param("ids", complaintIds)
				.param("limit", limit)
				.query((rs, n) -> new CallbackLine(rs.getLong(1), rs.getTimestamp(2).toInstant(),
						rs.getBoolean(3), (Boolean) rs.getObject(4), rs.getString(5)))
				.list();
	}
}
