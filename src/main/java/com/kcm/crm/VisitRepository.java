package com.kcm.crm;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Package-private repository of the crm module. */
interface VisitRepository extends JpaRepository<Visit, Long> {

	Optional<Visit> findFirstByCustomerIdAndDateLessThanEqualOrderByDateDescIdDesc(long customerId, LocalDate on);

	Optional<Visit> findFirstByCustomerIdOrderByDateDescIdDesc(long customerId);

	Page<Visit> findByCustomerIdOrderByDateDescIdDesc(long customerId, Pageable pageable);

	@Query("select min(v.followUpDue) from Visit v where v.customerId = :customerId and v.followUpDue is not null "
			+ "and v.followUpDoneOn is null")
	LocalDate earliestOpenFollowUp(long customerId);
}
