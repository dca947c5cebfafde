package com.kcm.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.shared.sql.Insert;
import com.kcm.shared.sql.PooledIds;
import com.kcm.shared.sql.PooledSequence;
import com.kcm.shared.sql.RowMapping;

/**
 * An {@link Audit.Entry} written with plain JDBC in another module's batch (ADR 0002): its {@code audit_entry}
 * row, every column {@link AuditEntry} maps, with an id from the entity's sequence in the same blocks as JPA's.
 */
@Component
class AuditRows implements RowMapping<Audit.Entry> {

	private final PooledSequence ids;

	AuditRows(JdbcClient jdbc) {
		this.ids = new PooledSequence(jdbc, "audit_entry_seq", PooledIds.BLOCK);
	}

	@Override
	public Class<Audit.Entry> type() {
		return Audit.Entry.class;
	}

	@Override
	public Insert insert(Audit.Entry e) {
		return Insert.into("audit_entry").value("id", ids.next()).value("at", e.at()).value("actor", e.actor())
				.value("action", e.action()).value("entity_type", e.entityType()).value("entity_id", e.entityId())
				.value("detail", e.detail()).value("before_state", e.beforeState()).value("after_state", e.afterState())
				.value("remote_addr", e.remoteAddr());
	}
}
