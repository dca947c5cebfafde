package com.kcm.dealer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DealerRepository extends JpaRepository<Dealer, Long> {

	Optional<Dealer> findByCode(String code);

	boolean existsByCode(String code);
}
