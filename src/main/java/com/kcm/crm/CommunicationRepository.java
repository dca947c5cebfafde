package com.kcm.crm;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Package-private repository of the crm module. */
interface CommunicationRepository extends JpaRepository<CommunicationEntry, Long> {

	Page<CommunicationEntry> findByCustomerIdOrderByAtDescIdDesc(long customerId, Pageable pageable);
}
