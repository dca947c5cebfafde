package com.kcm.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	/** The user a token belongs to, and its expiry, while it is valid: one query. */
	@Query("select new com.kcm.identity.ValidToken(u, t.expiresAt) from ApiToken t join UserAccount u on u.id = t.userId "
			+ "where t.tokenHash = :tokenHash and t.expiresAt > :now")
	Optional<ValidToken> validToken(String tokenHash, Instant now);

	@Modifying
	@Query("delete from ApiToken t where t.expiresAt < :now")
	int deleteExpired(Instant now);
}
