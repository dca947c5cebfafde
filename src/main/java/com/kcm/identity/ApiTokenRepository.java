package com.kcm.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	/** The user a token belongs to while it is valid: one query on every API call. */
	@Query("select u from ApiToken t join UserAccount u on u.id = t.userId where t.tokenHash = :tokenHash and t.expiresAt > :now")
	Optional<UserAccount> userOfValidToken(String tokenHash, Instant now);

	@Modifying
	@Query("delete from ApiToken t where t.expiresAt < :now")
	int deleteExpired(Instant now);
}
