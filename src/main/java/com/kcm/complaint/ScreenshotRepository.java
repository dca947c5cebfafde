package com.kcm.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScreenshotRepository extends JpaRepository<Screenshot, Long> {

	List<Screenshot> findByComplaintIdOrderByIdAsc(long complaintId);

	Optional<Screenshot> findByIdAndComplaintId(long id, long complaintId);
}
