package com.kcm.complaint;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One complaint's past as Appendix A's {@code POST /imports/complaint-history} carries it. */
public record ComplaintHistory(String externalId, String description, String kind, String channel, String category, Boolean major,
		IntakeCommand.ComplainantPart complainant, String repairReason, Online online,
		IntakeCommand.CustomerPart customer, IntakeCommand.VehiclePart vehicle, List<Event> events) {

	public record Online(String platform, String url, Boolean negative, String handle) {
	}

	/** One event; which fields apply depends on {@code type}. */
	public record Event(String type, OffsetDateTime at, String dealerCode, OffsetDateTime contactedCustomerAt,
			@JsonProperty("final") Boolean finalResult, String text, String repairOrderNo, String claimNo,
			String faultCause, Boolean qualityDefect, List<String> partsReplaced, Boolean reached, Boolean resolved,
			Boolean satisfied, Boolean falseReply, String reason) {
	}
}
