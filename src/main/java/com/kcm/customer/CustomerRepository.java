package com.kcm.customer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

	/** Of the given phone hashes, those that more than one active customer has. */
	@Query("""
			select c.phoneHash from Customer c
			where c.phoneHash in :hashes and c.mergedIntoId is null
			group by c.phoneHash having count(c) > 1""")
	List<String> sharedPhoneHashes(Collection<String> hashes);

	@Query("""
			select c from Customer c
			where c.phoneHash = :hash and c.mergedIntoId is null and c.id <> :id
			order by c.id""")
	List<Customer> othersWithPhoneHash(String hash, long id);

	boolean existsByPhoneHashAndMergedIntoIdIsNull(String phoneHash);

	List<Customer> findByPhoneHashAndMergedIntoIdIsNullOrderById(String phoneHash);

}
