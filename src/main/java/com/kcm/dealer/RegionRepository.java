package com.kcm.dealer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RegionRepository extends JpaRepository<Region, Long> {

	Optional<Region> findByCode(String code);

	boolean existsByCode(String code);

	List<Region> findByCodeIn(Collection<String> codes);

	List<Region> findAllByOrderByCode();

	/** The regions a caller may see: all, its own region, or its dealer's region. */
	@Query("""
			select r from Region r
			where (:scopeRegionId is null or r.id = :scopeRegionId)
			  and (:scopeDealerId is null or r.id in (select d.regionId from Dealer d where d.id = :scopeDealerId))
			order by r.code
			""")
	List<Region> findVisible(@Param("scopeDealerId") Long scopeDealerId, @Param("scopeRegionId") Long scopeRegionId);
}
