package com.kcm.dealer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface DealerStatusHistory extends JpaRepository<DealerStatusEntry, Long> {

	List<DealerStatusEntry> findByDealerIdOrderByEffectiveFrom(Long dealerId);

	List<DealerStatusEntry> findByDealerIdInOrderByDealerIdAscEffectiveFromAsc(Collection<Long> dealerIds);

	Optional<DealerStatusEntry> findByDealerIdAndEffectiveFrom(Long dealerId, LocalDate effectiveFrom);
}
