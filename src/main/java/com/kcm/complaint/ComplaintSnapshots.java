package com.kcm.complaint;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audit snapshot of a complaint: its state, not its personal data. */
final class ComplaintSnapshots {

	private ComplaintSnapshots() {
	}

	static Map<String, Object> of(Complaint c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", c.getStatus());
		m.put("kind", c.getKind());
		m.put("channel", c.getChannel());
		m.put("category", c.getCategory());
		m.put("subCategory", c.getSubCategory());
		m.put("responsibleDealerId", c.getResponsibleDealerId());
		m.put("handlingDealerId", c.getHandlingDealerId());
		m.put("workOrders", c.getWorkOrders().size());
		m.put("closureRound", c.getClosureRound());
		m.put("escalated", c.getEscalatedAt() != null);
		m.put("nominatedForForcedClosure", c.getNominatedAt() != null);
		return m;
	}
}
