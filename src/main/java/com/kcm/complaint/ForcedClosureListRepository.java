package com.kcm.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ForcedClosureListRepository extends JpaRepository<ForcedClosureList, Long> {

	Optional<ForcedClosureList> findByMonth(String month);

	/** The draft lists holding a nomination of the complaint (at most one). */
	@Query("select distinct l from ForcedClosureList l join l.items i where i.complaintId = :complaintId and l.status = :status")
	List<ForcedClosureList> holding(long complaintId, ForcedClosureList.Status status);

	default List<ForcedClosureList> draftsHolding(long complaintId) {
		return holding(complaintId, ForcedClosureList.Status.DRAFT);
	}
}
