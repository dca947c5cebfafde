package com.kcm.complaint;

/** The audit snapshot of a complaint: its state, not its personal data. */
final class ComplaintSnapshots {

	private ComplaintSnapshots() {
	}

	record Snapshot(ComplaintStatus status, ComplaintKind kind, Channel channel, Category category, String subCategory,
			Long responsibleDealerId, Long handlingDealerId, int workOrders, int closureRound, boolean escalated,
			boolean nominatedForForcedClosure) {
	}

	static Snapshot of(Complaint c) {
		return new Snapshot(c.getStatus(), c.getKind(), c.getChannel(), c.getCategory(), c.getSubCategory(),
				c.getResponsibleDealerId(), c.getHandlingDealerId(), c.getWorkOrders().size(), c.getClosureRound(),
				c.getEscalatedAt() != null, c.getNominatedAt() != null);
	}
}
