package com.kcm.complaint;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.kcm.shared.TimeConfig;

/**
 * Keeps the handling summary (ADR 0003: {@code complaint_handling_summary} and
 * {@code work_order_handling_summary}) up to date in the transaction of every timeline change. A new event,
 * callback or reply marks its complaint ({@link Listener}); just before the transaction commits, after JPA has
 * written what it holds, the marked complaints' rows are built again from their timeline with the statements
 * of {@link HandlingSummaryRows} — the ones the migration and the repair command use, so the rows kept here
 * and the rows rebuilt are the same by construction. A complaint just registered with plain JDBC gets its row
 * in the registration's round trip ({@link RegistrationRows}).
 */
@Component
class HandlingSummary {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;
	private final EntityManager entityManager;

	HandlingSummary(JdbcClient jdbc, EntityManager entityManager) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	/**
	 * Builds the summary again from the timeline for the complaints with a work order dispatched or registered
	 * in {@code month} (all complaints when null): the repair command (docs/decisions.md). Returns how many
	 * complaints it covered.
	 */
	@Transactional
	public int rebuild(YearMonth month) {
		entityManager.flush();
		if (month == null) {
			List<Long> ids = jdbc.sql("select id from complaint order by id").query(Long.class).list();
			rebuild(ids);
			return ids.size();
		}
		Instant from = month.atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(TimeConfig.BUSINESS_ZONE).toInstant();
		List<Long> ids = jdbc.sql("""
				select c.id from complaint c where c.registered_at >= :from and c.registered_at < :to
				union
				select w.complaint_id from work_order w where w.dispatched_at >= :from and w.dispatched_at < :to
				""").param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
				.query(Long.class).list();
		rebuild(ids.stream().sorted().toList());
		return ids.size();
	}

	/** Builds the rows of these complaints again from their timeline, in the caller's transaction. */
	void refresh(Set<Long> complaintIds) {
		refresh(complaintIds.stream().sorted().toList());
	}

	/**
	 * The complaints' rows built again, each complaint with its own statements keyed by an equality on an
	 * indexed column (a transaction rarely changes more than one or two complaints; the plan never depends on
	 * statistics). Each complaint is first locked (in id order): a concurrent transaction refreshing it waits
	 * for this one's commit and then reads the timeline and the summary it left, instead of inserting a row
	 * beside it.
	 */
	private void refresh(List<Long> complaintIds) {
		String one = HandlingSummaryRows.ID + " = :id";
		for (Long id : complaintIds) {
			jdbc.sql("select id from complaint where id = :id for update").param("id", id).query(Long.class).list();
			jdbc.sql(HandlingSummaryRows.deleteWorkOrders(one)).param("id", id).update();
			jdbc.sql(HandlingSummaryRows.deleteComplaints(one)).param("id", id).update();
			jdbc.sql(HandlingSummaryRows.insertComplaints(one)).param("id", id).update();
			jdbc.sql(HandlingSummaryRows.insertWorkOrders(one)).param("id", id).update();
		}
	}

	/**
	 * The rows of many complaints built again ({@link #CHUNK} per statement, locked first, in id order): the
	 * repair command.
	 */
	private void rebuild(List<Long> complaintIds) {
		String some = HandlingSummaryRows.ID + " in (:ids)";
		for (int i = 0; i < complaintIds.size(); i += CHUNK) {
			List<Long> ids = complaintIds.subList(i, Math.min(complaintIds.size(), i + CHUNK));
			jdbc.sql("select id from complaint where id in (:ids) order by id for update").param("ids", ids)
					.query(Long.class).list();
			jdbc.sql(HandlingSummaryRows.deleteWorkOrders(some)).param("ids", ids).update();
			jdbc.sql(HandlingSummaryRows.deleteComplaints(some)).param("ids", ids).update();
			jdbc.sql(HandlingSummaryRows.insertComplaints(some)).param("ids", ids).update();
			jdbc.sql(HandlingSummaryRows.insertWorkOrders(some)).param("ids", ids).update();
		}
	}

	/**
	 * Marks a complaint whose timeline changed: its rows are built again just before the transaction commits
	 * (at once when there is no transaction).
	 */
	void changed(Long complaintId) {
		if (complaintId == null) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refresh(List.of(complaintId));
			return;
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof RefreshBeforeCommit r && r.owner == this) {
				if (r.done) { // written by JPA after the refresh (another synchronization's work): at once
					refresh(List.of(complaintId));
				} else {
					r.complaints.add(complaintId);
				}
				return;
			}
		}
		RefreshBeforeCommit r = new RefreshBeforeCommit(this);
		r.complaints.add(complaintId);
		TransactionSynchronizationManager.registerSynchronization(r);
	}

	/**
	 * The entity listener of the timeline's rows (events, callbacks, replies). Hibernate creates one instance of
	 * it through Spring while JPA itself is being set up, so it reaches the application's single
	 * {@link HandlingSummary} (which needs JPA) only when a row is written.
	 */
	static class Listener {

		private final ObjectProvider<HandlingSummary> summaries;

		Listener(ObjectProvider<HandlingSummary> summaries) {
			this.summaries = summaries;
		}

		@PostPersist
		@PostUpdate
		@PostRemove
		void timelineChanged(Object entity) {
			HandlingSummary summary = summaries.getObject();
			switch (entity) {
			case ComplaintEvent e -> summary.changed(e.complaintId());
			case Callback c -> summary.changed(c.complaintId());
			case Reply r -> summary.changed(r.getWorkOrder().getComplaint().getId());
			default -> throw new IllegalArgumentException("not a timeline row: " + entity.getClass());
			}
		}
	}

	private static final class RefreshBeforeCommit implements TransactionSynchronization {

		private final HandlingSummary owner;
		private final Set<Long> complaints = new LinkedHashSet<>();
		private boolean done;

		RefreshBeforeCommit(HandlingSummary owner) {
			this.owner = owner;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			// JPA writes what it still holds first: its listeners may mark more complaints while it does
			owner.entityManager.flush();
			owner.refresh(complaints);
			done = true;
		}
	}
}
