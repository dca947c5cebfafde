package com.kcm.customer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shape of a customer and a vehicle. */
final class CustomerJson {

	private CustomerJson() {
	}

	static Map<String, Object> customer(CustomerView c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("name", c.name());
		m.put("phone", c.phone());
		m.put("phone2", c.phone2());
		m.put("idNumber", c.idNumber());
		m.put("kind", c.kind());
		m.put("customerClass", c.customerClass());
		m.put("classReason", c.classReason());
		m.put("computedClass", c.computedClass());
		m.put("effectiveClass", c.effectiveClass());
		m.put("keyAccount", c.keyAccount());
		m.put("accountManagerUserId", c.accountManagerUserId());
		m.put("accountManagerName", c.accountManagerName());
		m.put("occupation", c.occupation());
		m.put("birthday", c.birthday() == null ? null : c.birthday().toString());
		m.put("address", c.address());
		m.put("marketingConsent", c.marketingConsent());
		m.put("source", c.source());
		m.put("duplicate", c.duplicate());
		m.put("mergedIntoId", c.mergedIntoId());
		m.put("vehicles", c.vehicles().stream().map(CustomerJson::vehicle).toList());
		return m;
	}

	static Map<String, Object> vehicle(VehicleView v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", v.id());
		m.put("vin", v.vin());
		m.put("plate", v.plate());
		m.put("model", v.model());
		m.put("purchaseDate", v.purchaseDate() == null ? null : v.purchaseDate().toString());
		m.put("deliveryDate", v.deliveryDate() == null ? null : v.deliveryDate().toString());
		m.put("sellingDealerCode", v.sellingDealerCode());
		m.put("insuranceType", v.insuranceType());
		m.put("modificationNotes", v.modificationNotes());
		m.put("ownerId", v.ownerId());
		return m;
	}
}
