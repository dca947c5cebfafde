package com.kcm.dealer;

/** The dealer form of the pages (create and edit); text values, checked by {@link DealerNetwork}. */
class DealerForm {

	private String code;
	private String name;
	private String type = "4S";
	private String regionCode;
	private String status = "ACTIVE";
	private String acceptedOn;
	private String starLevel = "0";
	private String contactPhone;
	private String contactEmail;

	static DealerForm of(DealerSummary d) {
		DealerForm f = new DealerForm();
		f.code = d.code();
		f.name = d.name();
		f.type = d.type().code();
		f.regionCode = d.regionCode();
		f.status = d.status().name();
		f.acceptedOn = d.acceptedOn().toString();
		f.starLevel = String.valueOf(d.starLevel());
		f.contactPhone = d.contactPhone();
		f.contactEmail = d.contactEmail();
		return f;
	}

	/** The command, or {@code null} star level when the text is no number (reported as such). */
	DealerCommand command(com.kcm.shared.domain.Violations v) {
		Integer star = null;
		if (starLevel != null && !starLevel.isBlank()) {
			try {
				star = Integer.valueOf(starLevel.trim());
			} catch (NumberFormatException e) {
				v.field("starLevel", "dealer.star.invalid", starLevel);
			}
		}
		return new DealerCommand(code, name, type, regionCode, status, acceptedOn, star, contactPhone, contactEmail);
	}

	public String getCode() { return code; }
	public void setCode(String v) { code = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public String getType() { return type; }
	public void setType(String v) { type = v; }
	public String getRegionCode() { return regionCode; }
	public void setRegionCode(String v) { regionCode = v; }
	public String getStatus() { return status; }
	public void setStatus(String v) { status = v; }
	public String getAcceptedOn() { return acceptedOn; }
	public void setAcceptedOn(String v) { acceptedOn = v; }
	public String getStarLevel() { return starLevel; }
	public void setStarLevel(String v) { starLevel = v; }
	public String getContactPhone() { return contactPhone; }
	public void setContactPhone(String v) { contactPhone = v; }
	public String getContactEmail() { return contactEmail; }
	public void setContactEmail(String v) { contactEmail = v; }
}
