package com.kcm.crm;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Package-private repository of the crm module. */
interface KeyAccountRepository extends JpaRepository<KeyAccount, Long> {

	/** Active accounts of a manager (or all with null), never visited and most overdue first. */
	@Query("select k from KeyAccount k where k.active = true and (k.managerUserId = :manager) "
			+ "order by case when k.nextVisitDue is null then 0 else 1 end, k.nextVisitDue, k.customerId")
	Page<KeyAccount> ofManager(Long manager, Pageable pageable);

	@Query("select k from KeyAccount k where k.active = true "
			+ "order by case when k.nextVisitDue is null then 0 else 1 end, k.nextVisitDue, k.customerId")
	Page<KeyAccount> allActive(Pageable pageable);

	@Query("select count(k) from KeyAccount k where k.active = true and k.managerUserId = :manager "
			+ "and (k.nextVisitDue is null or k.nextVisitDue < :today)")
	long countOverdue(Long manager, LocalDate today);

	@Query("select count(k) from KeyAccount k where k.active = true and k.managerUserId = :manager "
			+ "and k.followUpDue is not null and k.followUpDue <= :today")
	long countFollowUpsDue(Long manager, LocalDate today);

	@Query("select k from KeyAccount k where k.active = true and k.managerUserId is not null "
			+ "and (k.nextVisitDue is null or k.nextVisitDue < :today) order by k.managerUserId, k.customerId")
	List<KeyAccount> overdue(LocalDate today);

	@Query("select k.customerId from KeyAccount k where k.active = true and k.customerId > :after order by k.customerId")
	List<Long> activeIdsAfter(long after, Pageable limit);
}
