package com.kcm.dealer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface DealerStarHistory extends JpaRepository<DealerStarEntry, Long> {

	List<DealerStarEntry> findByDealerIdOrderByEffectiveFrom(Long dealerId);

	List<DealerStarEntry> findByDealerIdInOrderByDealerIdAscEffectiveFromAsc(Collection<Long> dealerIds);

	Optional<DealerStarEntry> findByDealerIdAndEffectiveFrom(Long dealerId, LocalDate effectiveFrom);
}
