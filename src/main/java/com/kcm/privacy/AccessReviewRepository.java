package com.kcm.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessReviewRepository extends JpaRepository<AccessReview, Long> {

	Optional<AccessReview> findByPeriodStart(LocalDate periodStart);

	List<AccessReview> findByPeriodStartBetween(LocalDate from, LocalDate to);
}
