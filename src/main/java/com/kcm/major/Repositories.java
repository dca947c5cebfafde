package com.kcm.major;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface MajorComplaintRepository extends JpaRepository<MajorComplaint, Long>, JpaSpecificationExecutor<MajorComplaint> {

	Optional<MajorComplaint> findByComplaintId(long complaintId);

	/** Open ones whose report is due before {@code until} and was not yet alerted as overdue. */
	@Query("select m from MajorComplaint m where m.status = :status and m.reportDueAt < :until "
			+ "and (m.reportAlert is null or m.reportAlert <> 'OVERDUE') order by m.reportDueAt, m.id")
	List<MajorComplaint> notYetOverdueAlerted(MajorStatus status, Instant until, Pageable page);

	/** Open ones whose report is due from {@code from} (inclusive) to {@code until} (exclusive), not alerted yet. */
	@Query("select m from MajorComplaint m where m.status = :status and m.reportDueAt >= :from "
			+ "and m.reportDueAt < :until and m.reportAlert is null order by m.reportDueAt, m.id")
	List<MajorComplaint> notYetAlerted(MajorStatus status, Instant from, Instant until, Pageable page);
}

interface DossierEntryRepository extends JpaRepository<DossierEntry, Long> {

	List<DossierEntry> findByMajorId(long majorId);
}

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	List<Attachment> findByMajorIdOrderByIdAsc(long majorId);
}

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

	List<FollowUp> findByMajorIdOrderByHappenedAtAscIdAsc(long majorId);
}

interface ClaimRepository extends JpaRepository<Claim, Long> {

	List<Claim> findByMajorIdOrderByIdAsc(long majorId);

	List<Claim> findByStatusOrderByProposedAtAscIdAsc(Claim.Status status, Pageable page);
}

interface ConsequenceRepository extends JpaRepository<Consequence, Long> {

	List<Consequence> findByMajorIdOrderByIdAsc(long majorId);
}
