package com.kcm.voice;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsentRecordRepository extends JpaRepository<ConsentRecord, Long> {

	Page<ConsentRecord> findByCustomerIdOrderByEffectiveAtDescIdDesc(long customerId, Pageable pageable);

	/** The newest record per purpose of one customer at or before {@code at} (at most one per purpose). */
	@Query("""
			select r from ConsentRecord r where r.customerId = :customerId and r.effectiveAt <= :at
			and not exists (select 1 from ConsentRecord s where s.customerId = r.customerId and s.purpose = r.purpose
			  and s.effectiveAt <= :at and (s.effectiveAt > r.effectiveAt or (s.effectiveAt = r.effectiveAt and s.id > r.id)))
			""")
	List<ConsentRecord> latest(long customerId, Instant at);
}
