package com.kcm.privacy;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface BreachRepository extends JpaRepository<Breach, Long> {

	Page<Breach> findAll(Pageable pageable);

	long countByStatusNot(Breach.Status status);

	List<Breach> findByStatusNot(Breach.Status status);
}
