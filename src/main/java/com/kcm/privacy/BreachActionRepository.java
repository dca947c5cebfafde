package com.kcm.privacy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BreachActionRepository extends JpaRepository<BreachAction, Long> {

	List<BreachAction> findByBreachIdOrderByAtAscIdAsc(long breachId);
}
