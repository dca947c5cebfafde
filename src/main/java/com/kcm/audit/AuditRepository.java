package com.kcm.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Insert and search only: there is deliberately no update or delete. */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	@Query("""
			select a from AuditEntry a
			where (:actor is null or a.actor = :actor)
			  and (:action is null or a.action = :action)
			  and (:entityType is null or a.entityType = :entityType)
			  and (:entityId is null or a.entityId = :entityId)
			  and (:from is null or a.at >= :from)
			  and (:to is null or a.at < :to)
			""")
	Page<AuditEntry> search(@Param("actor") String actor, @Param("action") String action,
			@Param("entityType") String entityType, @Param("entityId") String entityId,
			@Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

	long count();
}
