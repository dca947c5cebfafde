package com.kcm.dealer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Dealers. Every query a user's request reaches takes the caller's scope as predicates
 * ({@code scopeDealerId}, {@code scopeRegionId}: null means unrestricted), so a dealer outside the scope
 * is never loaded.
 */
interface DealerRepository extends JpaRepository<Dealer, Long> {

	Optional<Dealer> findByCode(String code);

	boolean existsByCode(String code);

	List<Dealer> findByCodeIn(Collection<String> codes);

	List<Dealer> findByRegionIdOrderByCode(Long regionId);

	List<Dealer> findAllByOrderByCode();

	@Query("""
			select d from Dealer d
			where d.code = :code
			  and (:scopeDealerId is null or d.id = :scopeDealerId)
			  and (:scopeRegionId is null or d.regionId = :scopeRegionId)
			""")
	Optional<Dealer> findVisibleByCode(@Param("code") String code, @Param("scopeDealerId") Long scopeDealerId,
			@Param("scopeRegionId") Long scopeRegionId);

	@Query("""
			select d from Dealer d
			where (:scopeDealerId is null or d.id = :scopeDealerId)
			  and (:scopeRegionId is null or d.regionId = :scopeRegionId)
			  and (:regionId is null or d.regionId = :regionId)
			  and (:type is null or d.type = :type)
			  and (:status is null or d.status = :status)
			  and (:q is null or lower(d.code) like lower(concat('%', cast(:q as string), '%'))
			       or lower(d.name) like lower(concat('%', cast(:q as string), '%')))
			""")
	Page<Dealer> search(@Param("scopeDealerId") Long scopeDealerId, @Param("scopeRegionId") Long scopeRegionId,
			@Param("regionId") Long regionId, @Param("type") DealerType type, @Param("status") DealerStatus status,
			@Param("q") String q, Pageable pageable);

	@Query("""
			select count(d) from Dealer d
			where (:scopeDealerId is null or d.id = :scopeDealerId)
			  and (:scopeRegionId is null or d.regionId = :scopeRegionId)
			""")
	long countVisible(@Param("scopeDealerId") Long scopeDealerId, @Param("scopeRegionId") Long scopeRegionId);

	/** Dealers per region id, in one query: rows of {@code [regionId, count]}. */
	@Query("select d.regionId, count(d) from Dealer d group by d.regionId")
	List<Object[]> countByRegion();
}
