package com.kcm.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ComplaintRepository extends JpaRepository<Complaint, Long>, JpaSpecificationExecutor<Complaint> {

	Optional<Complaint> findByExternalId(String externalId);

	boolean existsByExternalId(String externalId);

	@Query("select c from Complaint c where c.customerId = :customerId and c.status in :statuses order by c.registeredAt desc")
	List<Complaint> ofCustomerIn(long customerId, Collection<ComplaintStatus> statuses);

	@Modifying
	@Query("update Complaint c set c.customerId = :survivor, c.version = c.version + 1 where c.customerId = :merged")
	int repointCustomer(long merged, long survivor);
}
