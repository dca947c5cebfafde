package com.kcm.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Statements as aggregates; every command loads its statement with a write lock on the row. */
interface StatementRepository extends JpaRepository<Statement, Long> {

	/** The statement, its row locked until the transaction ends (concurrent commands wait, then see the result). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Statement s where s.id = :id")
	Optional<Statement> lock(long id);

	/** The current (not superseded) revision of a dealer's month, locked as {@link #lock}. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Statement s where s.month = :month and s.dealerId = :dealerId "
			+ "and s.status <> com.kcm.assessment.StatementStatus.SUPERSEDED")
	Optional<Statement> lockCurrent(String month, long dealerId);

	@Query("select s.dealerId from Statement s where s.month = :month "
			+ "and s.status <> com.kcm.assessment.StatementStatus.SUPERSEDED")
	List<Long> dealersWithStatement(String month);

	@Query("select s.id from Statement s where s.month = :month and s.status = com.kcm.assessment.StatementStatus.DRAFT "
			+ "order by s.dealerCode")
	List<Long> drafts(String month);

	/** What the revisions of a dealer's month settled so far. */
	@Query("select coalesce(sum(s.total), 0) from Statement s where s.month = :month and s.dealerId = :dealerId "
			+ "and s.settledAt is not null")
	BigDecimal settled(String month, long dealerId);
}
