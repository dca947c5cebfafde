package com.kcm.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.audit.Audit;
import com.kcm.shared.sql.Inserts;
import com.kcm.shared.sql.PooledIds;
import com.kcm.shared.sql.PooledSequence;
import com.kcm.shared.sql.Row;

/**
 * Writes a complaint just registered — its new customer and vehicle if any, the complaint, its registration in
 * the timeline, its handling summary and its audit entry — with plain JDBC in one database round trip
 * ({@link Inserts}), in the caller's transaction. The complaint's rows come from {@link RegistrationRows}, the
 * audit entry is an {@link Audit.Entry} that the audit module maps to its row. Intake runs for every call to the
 * hotline and every system that reports complaints; through JPA the same rows took a round trip per table at
 * commit. Ids come from the same sequences, in blocks, as JPA's. The complaint is not managed by JPA afterwards:
 * load it again to change it in the same transaction (docs/decisions.md).
 */
@Component
class RegistrationWrite {

	private final Inserts inserts;
	private final Audit audit;
	private final ComplaintChanges changes;
	private final EntityManager entityManager;
	private final PooledSequence complaintIds;
	private final PooledSequence eventIds;
	private final JdbcClient jdbc;

	RegistrationWrite(Inserts inserts, Audit audit, ComplaintChanges changes, EntityManager entityManager,
			JdbcClient jdbc) {
		this.inserts = inserts;
		this.audit = audit;
		this.changes = changes;
		this.entityManager = entityManager;
		this.complaintIds = new PooledSequence(jdbc, "complaint_seq", PooledIds.BLOCK);
		this.eventIds = new PooledSequence(jdbc, "complaint_event_seq", PooledIds.BLOCK);
		this.jdbc = jdbc;
	}

	/** The complaint an intake key registered, with the hash of that request's body (the unique index answers). */
	Optional<KeyUse> registeredWith(String key) {
		return jdbc.sql("select id, intake_body_hash from complaint where intake_key = ?").param(key)
				.query((rs, n) -> new KeyUse(rs.getLong(1), rs.getString(2))).optional();
	}

	/** A complaint registered with an intake key, and the hash of the body of the request that registered it. */
	record KeyUse(long complaintId, String bodyHash) {
	}

	/** Writes the complaint {@link Complaint#register registered} (and given its id here). */
	void write(Complaint c) {
		insert(rows(c, null, List.of()));
	}

	/**
	 * The rows of a complaint just registered — those of its new customer and vehicle ({@code parties}, from the
	 * customer module's {@code IntakeParties}) first — with its id assigned now; {@code key} is the request's
	 * intake key, if any. Nothing is written: {@link #insert} writes them, perhaps with other complaints' rows.
	 */
	List<Row> rows(Complaint c, IntakeKey key, List<? extends Row> parties) {
		List<Row> rows = new ArrayList<>(parties);
		rows.addAll(RegistrationRows.of(c, key, complaintIds.next(), eventIds::next));
		rows.add(audit.entry(Audit.CREATE, "complaint", c.getId(), null, ComplaintSnapshots.of(c)));
		return rows;
	}

	/** Writes {@link #rows} (of one or more complaints) in one round trip, in the caller's transaction. */
	void insert(List<Row> rows) {
		entityManager.flush(); // what the transaction has pending in JPA goes first
		inserts.insert(rows);
		changes.changed();
	}
}
