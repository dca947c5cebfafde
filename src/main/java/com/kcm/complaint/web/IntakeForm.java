package com.kcm.complaint.web;

import java.util.UUID;

import com.kcm.complaint.IntakeCommand;

/** The agent's intake form (hotline or another direct channel) and the online-complaint form. */
public class IntakeForm {

	private String token = UUID.randomUUID().toString();
	private String kind = "COMPLAINT";
	private String channel = "HOTLINE_400";
	private String repairReason;
	private String description;
	private String complainantType = "CUSTOMER";
	private String complainantName;
	private Long customerId;
	private String customerName;
	private String customerPhone;
	private String customerIdNumber;
	private String vin;
	private String plate;
	private boolean confirmNew;
	private String category;
	private String platform;
	private String url;
	private String postedAt;
	private String handle;
	private String content;
	private boolean negative;

	/** The command for {@code ComplaintIntake}; {@code phone}: the number to use (the picked customer's when left empty). */
	IntakeCommand hotline(String phone) {
		boolean agent = complainantType != null && !"CUSTOMER".equals(complainantType);
		return new IntakeCommand(kind, channel, null, ComplaintPages.blank(description),
				new IntakeCommand.CustomerPart(ComplaintPages.blank(customerName), phone,
						ComplaintPages.blank(customerIdNumber)),
				ComplaintPages.blank(vin) == null ? null : new IntakeCommand.VehiclePart(vin.trim(), ComplaintPages.blank(plate)),
				new IntakeCommand.ComplainantPart(complainantType, agent ? ComplaintPages.blank(complainantName) : null),
				"REPAIR_REQUEST".equals(kind) ? repairReason : null, null, null);
	}

	IntakeCommand online() {
		String name = ComplaintPages.blank(customerName) != null ? customerName.trim() : ComplaintPages.blank(handle);
		String text = ComplaintPages.blank(description) != null ? description.trim() : ComplaintPages.blank(content);
		java.time.Instant at = TimeText.parse(postedAt, "postedAt");
		return new IntakeCommand("COMPLAINT", "ONLINE", ComplaintPages.blank(category), text,
				new IntakeCommand.CustomerPart(name, ComplaintPages.blank(customerPhone), null), null,
				new IntakeCommand.ComplainantPart("CUSTOMER", null), null,
				new IntakeCommand.OnlinePart(ComplaintPages.blank(platform), ComplaintPages.blank(url), negative,
						ComplaintPages.blank(handle),
						at == null ? null : at.atZone(com.kcm.shared.TimeConfig.BUSINESS_ZONE).toOffsetDateTime(),
						ComplaintPages.blank(content)),
				null);
	}

	/** What identifies this submission (with the token: a double submit registers once). */
	String canonical() {
		return String.join("|", String.valueOf(kind), String.valueOf(channel), String.valueOf(repairReason),
				String.valueOf(description), String.valueOf(complainantType), String.valueOf(complainantName),
				String.valueOf(customerId), String.valueOf(customerName), String.valueOf(customerPhone), String.valueOf(vin),
				String.valueOf(plate), String.valueOf(platform), String.valueOf(url), String.valueOf(postedAt),
				String.valueOf(handle), String.valueOf(content), String.valueOf(category));
	}

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getRepairReason() {
		return repairReason;
	}

	public void setRepairReason(String repairReason) {
		this.repairReason = repairReason;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getComplainantType() {
		return complainantType;
	}

	public void setComplainantType(String complainantType) {
		this.complainantType = complainantType;
	}

	public String getComplainantName() {
		return complainantName;
	}

	public void setComplainantName(String complainantName) {
		this.complainantName = complainantName;
	}

	public Long getCustomerId() {
		return customerId;
	}

	public void setCustomerId(Long customerId) {
		this.customerId = customerId;
	}

	public String getCustomerName() {
		return customerName;
	}

	public void setCustomerName(String customerName) {
		this.customerName = customerName;
	}

	public String getCustomerPhone() {
		return customerPhone;
	}

	public void setCustomerPhone(String customerPhone) {
		this.customerPhone = customerPhone;
	}

	public String getCustomerIdNumber() {
		return customerIdNumber;
	}

	public void setCustomerIdNumber(String customerIdNumber) {
		this.customerIdNumber = customerIdNumber;
	}

	public String getVin() {
		return vin;
	}

	public void setVin(String vin) {
		this.vin = vin;
	}

	public String getPlate() {
		return plate;
	}

	public void setPlate(String plate) {
		this.plate = plate;
	}

	public boolean isConfirmNew() {
		return confirmNew;
	}

	public void setConfirmNew(boolean confirmNew) {
		this.confirmNew = confirmNew;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getPlatform() {
		return platform;
	}

	public void setPlatform(String platform) {
		this.platform = platform;
	}

	public String getUrl() {
		return url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getPostedAt() {
		return postedAt;
	}

	public void setPostedAt(String postedAt) {
		this.postedAt = postedAt;
	}

	public String getHandle() {
		return handle;
	}

	public void setHandle(String handle) {
		this.handle = handle;
	}

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public boolean isNegative() {
		return negative;
	}

	public void setNegative(boolean negative) {
		this.negative = negative;
	}
}
