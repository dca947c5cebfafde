package com.kcm.privacy;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExportRequestRepository extends JpaRepository<ExportRequest, Long> {

	Page<ExportRequest> findByRequestedBy(String requestedBy, Pageable pageable);

	Page<ExportRequest> findByStatus(ExportRequest.Status status, Pageable pageable);
}
