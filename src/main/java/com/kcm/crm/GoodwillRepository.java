package com.kcm.crm;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Package-private repository of the crm module. */
interface GoodwillRepository extends JpaRepository<Goodwill, Long> {

	List<Goodwill> findByComplaintIdOrderByProposedAtAscIdAsc(long complaintId);

	List<Goodwill> findByComplaintIdInOrderByProposedAtDesc(java.util.Collection<Long> complaintIds);
}
