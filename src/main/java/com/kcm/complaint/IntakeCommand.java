package com.kcm.complaint;

import java.time.OffsetDateTime;

/**
 * A case as the call-centre system or an agent submits it (Appendix A {@code POST /complaints}). Codes
 * are text so a wrong one can be named in the error.
 */
public record IntakeCommand(String kind, String channel, String category, String description, CustomerPart customer,
		VehiclePart vehicle, ComplainantPart complainant, String repairReason, OnlinePart online, String externalId) {

	public record CustomerPart(String name, String phone, String idNumber) {
	}

	public record VehiclePart(String vin, String plate) {
	}

	public record ComplainantPart(String type, String name) {
	}

	public record OnlinePart(String platform, String url, Boolean negative, String handle, OffsetDateTime postedAt,
			String content) {
	}
}
