package com.kcm.customer;

import com.kcm.shared.domain.Violations;

/** The vehicle form's fields as typed. */
class VehicleForm {

	private String vin;
	private String plate;
	private String model;
	private String purchaseDate;
	private String deliveryDate;
	private String sellingDealerCode;
	private String modificationNotes;
	private String insuranceType;

	static VehicleForm of(VehicleView v) {
		VehicleForm f = new VehicleForm();
		f.vin = v.vin();
		f.plate = v.plate();
		f.model = v.model();
		f.purchaseDate = v.purchaseDate() == null ? null : v.purchaseDate().toString();
		f.deliveryDate = v.deliveryDate() == null ? null : v.deliveryDate().toString();
		f.sellingDealerCode = v.sellingDealerCode();
		f.modificationNotes = v.modificationNotes();
		f.insuranceType = v.insuranceType();
		return f;
	}

	VehicleCommand command(Long ownerId, Violations v) {
		return new VehicleCommand(vin, plate, model, CustomerForm.date(purchaseDate, "purchaseDate", v), sellingDealerCode,
				ownerId, modificationNotes, insuranceType, CustomerForm.date(deliveryDate, "deliveryDate", v));
	}

	public String getVin() { return vin; }
	public void setVin(String v) { vin = v; }
	public String getPlate() { return plate; }
	public void setPlate(String v) { plate = v; }
	public String getModel() { return model; }
	public void setModel(String v) { model = v; }
	public String getPurchaseDate() { return purchaseDate; }
	public void setPurchaseDate(String v) { purchaseDate = v; }
	public String getDeliveryDate() { return deliveryDate; }
	public void setDeliveryDate(String v) { deliveryDate = v; }
	public String getSellingDealerCode() { return sellingDealerCode; }
	public void setSellingDealerCode(String v) { sellingDealerCode = v; }
	public String getModificationNotes() { return modificationNotes; }
	public void setModificationNotes(String v) { modificationNotes = v; }
	public String getInsuranceType() { return insuranceType; }
	public void setInsuranceType(String v) { insuranceType = v; }
}
