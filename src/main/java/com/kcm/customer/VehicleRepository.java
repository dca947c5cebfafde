package com.kcm.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface VehicleRepository extends JpaRepository<Vehicle, Long> {

	Optional<Vehicle> findByVin(String vin);

	boolean existsByVin(String vin);

	List<Vehicle> findByVinIn(Collection<String> vins);

	List<Vehicle> findByOwnerIdInOrderById(Collection<Long> ownerIds);

	@Query("select distinct v.ownerId from Vehicle v where v.vin = :vin")
	List<Long> ownersByVin(String vin);

	@Query("select distinct v.ownerId from Vehicle v where v.vinLast6 = :last6")
	List<Long> ownersByVinLast6(String last6, Pageable limit);

	@Query("select distinct v.ownerId from Vehicle v where v.plate = :plate")
	List<Long> ownersByPlate(String plate, Pageable limit);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Vehicle v set v.ownerId = :survivor, v.updatedAt = :now where v.ownerId = :merged")
	int transferAll(long merged, long survivor, java.time.Instant now);
}
