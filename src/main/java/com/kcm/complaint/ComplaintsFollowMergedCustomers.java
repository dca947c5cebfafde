package com.kcm.complaint;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.customer.CustomersMerged;

/** When two customers are merged, the merged one's complaints move to the survivor, in the merge's transaction. */
@Component
class ComplaintsFollowMergedCustomers {

	private final ComplaintRepository complaints;
	private final Audit audit;
	private final ComplaintChanges changes;

	ComplaintsFollowMergedCustomers(ComplaintRepository complaints, Audit audit, ComplaintChanges changes) {
		this.complaints = complaints;
		this.audit = audit;
		this.changes = changes;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(CustomersMerged merged) {
		int moved = complaints.repointCustomer(merged.mergedId(), merged.survivorId());
		if (moved > 0) {
			changes.changed(); // a bulk update: no entity listener sees it
			audit.changed(Audit.UPDATE, "complaint", null, java.util.Map.of("customerId", merged.mergedId()),
					java.util.Map.of("customerId", merged.survivorId(), "complaints", moved));
		}
	}
}
