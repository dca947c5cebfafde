package com.kcm.identity;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query("""
			select u from UserAccount u
			where (:q is null or lower(u.username) like lower(concat('%', cast(:q as string), '%'))
			       or lower(u.displayName) like lower(concat('%', cast(:q as string), '%')))
			""")
	Page<UserAccount> search(@Param("q") String q, Pageable pageable);

	@Query("select u from UserAccount u where u.enabled = true and (u.email is not null or u.mobile is not null) order by u.username")
	java.util.List<UserAccount> findNotifiable();

	@Query(value = "select count(*) from app_user where roles like '%ADMIN%'", nativeQuery = true)
	long countAdministrators();
}
