package com.kcm.complaint;

/**
 * What is known when a case is registered. {@code customerId} may be {@code null} only for an online
 * complaint whose author is known by a forum handle; {@code online} is required for the online channel.
 */
record NewComplaint(String externalId, ComplaintKind kind, Channel channel, Category category,
		String description, Long customerId, String customerName, Long vehicleId, ComplainantType complainantType, String complainantName,
		RepairReason repairReason, OnlinePost online, boolean greenChannel, boolean major) {
}
