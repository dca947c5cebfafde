package com.kcm.complaint;

import java.util.Objects;

import com.kcm.shared.domain.DomainException;

/**
 * What is known when a case is registered. {@code customerId} may be {@code null} only for an online
 * complaint whose author is known by a forum handle; {@code online} is required for the online channel.
 */
record NewComplaint(String externalId, ComplaintKind kind, Channel channel, Category category,
		String description, Long customerId, String customerName, Long vehicleId, ComplainantType complainantType, String complainantName,
		RepairReason repairReason, OnlinePost online, boolean greenChannel, boolean major) {

	/** Refuses what cannot be registered: no description, a repair request from a forum, a post without its page… */
	NewComplaint checked() {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(channel, "channel");
		if (description == null || description.isBlank()) {
			throw new DomainException("complaint.description.required");
		}
		if (kind == ComplaintKind.REPAIR_REQUEST && channel == Channel.ONLINE) {
			throw new DomainException("complaint.repairRequest.notOnline");
		}
		if (channel == Channel.ONLINE && online == null) {
			throw new DomainException("complaint.online.required");
		}
		if (channel != Channel.ONLINE && customerId == null) {
			throw new DomainException("complaint.customer.required");
		}
		if (customerName == null || customerName.isBlank()) {
			throw new DomainException("complaint.customerName.required");
		}
		return this;
	}
}
