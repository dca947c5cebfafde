package com.kcm.crm;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Package-private repository of the crm module. */
interface ContractRepository extends JpaRepository<Contract, Long> {

	boolean existsByNumber(String number);

	List<Contract> findByCustomerIdOrderByEndDescIdDesc(long customerId);

	@Query("select c from Contract c where c.status = com.kcm.crm.Contract.Status.ACTIVE and c.end < :today")
	List<Contract> activeEndedBefore(LocalDate today, Pageable limit);

	@Query("select c from Contract c, KeyAccount k where k.customerId = c.customerId "
			+ "and c.status = com.kcm.crm.Contract.Status.ACTIVE and c.end >= :from and c.end <= :to "
			+ "and (:all = true or k.managerUserId = :manager) order by c.end, c.id")
	List<Contract> endingBetween(LocalDate from, LocalDate to, boolean all, Long manager, Pageable limit);
}
