package com.kcm.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of the audit trail. Immutable: the application never updates or deletes one. */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

	/** From a sequence in blocks of 50 (pooled-lo, migration {@code PooledIds}): inserts are batched, no key is read back. */
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
	@SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String actor;

	@Column(nullable = false)
	private String action;

	@Column(name = "entity_type")
	private String entityType;

	@Column(name = "entity_id")
	private String entityId;

	private String detail;

	@Column(name = "before_state")
	private String beforeState;

	@Column(name = "after_state")
	private String afterState;

	@Column(name = "remote_addr")
	private String remoteAddr;

	protected AuditEntry() {
	}

	AuditEntry(Audit.Entry e) {
		this.at = e.at();
		this.actor = e.actor();
		this.action = e.action();
		this.entityType = e.entityType();
		this.entityId = e.entityId();
		this.detail = e.detail();
		this.beforeState = e.beforeState();
		this.afterState = e.afterState();
		this.remoteAddr = e.remoteAddr();
	}

	/** The entry as the value other modules read: what {@link Audit#search} answers. */
	Audit.Entry entry() {
		return new Audit.Entry(at, actor, action, entityType, entityId, detail, beforeState, afterState, remoteAddr);
	}

	public Long getId() {
		return id;
	}

	public Instant getAt() {
		return at;
	}

	public String getActor() {
		return actor;
	}

	public String getAction() {
		return action;
	}

	public String getEntityType() {
		return entityType;
	}

	public String getEntityId() {
		return entityId;
	}

	public String getDetail() {
		return detail;
	}

	public String getBeforeState() {
		return beforeState;
	}

	public String getAfterState() {
		return afterState;
	}

	public String getRemoteAddr() {
		return remoteAddr;
	}
}
