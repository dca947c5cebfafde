package com.kcm.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.repository.Repository;

/** Insert and search only: there is deliberately no update or delete. */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	Page<AuditEntry> findAll(Specification<AuditEntry> spec, Pageable pageable);

	long count();
}
