package com.kcm.customer;

import java.time.LocalDate;
import java.util.List;

/** The API's JSON shapes of a customer and a vehicle (dates as ISO text). */
final class CustomerJson {

	private CustomerJson() {
	}

	record CustomerAnswer(long id, String name, String phone, String phone2, String idNumber, CustomerKind kind,
			CustomerClass customerClass, String classReason, CustomerClass computedClass, CustomerClass effectiveClass,
			boolean keyAccount, Long accountManagerUserId, String accountManagerName, String occupation,
			String birthday, String address, boolean marketingConsent, String source, boolean duplicate,
			Long mergedIntoId, List<VehicleAnswer> vehicles) {
	}

	record VehicleAnswer(long id, String vin, String plate, String model, String purchaseDate, String deliveryDate,
			String sellingDealerCode, String insuranceType, String modificationNotes, Long ownerId) {
	}

	static CustomerAnswer customer(CustomerView c) {
		return new CustomerAnswer(c.id(), c.name(), c.phone(), c.phone2(), c.idNumber(), c.kind(), c.customerClass(),
				c.classReason(), c.computedClass(), c.effectiveClass(), c.keyAccount(), c.accountManagerUserId(),
				c.accountManagerName(), c.occupation(), text(c.birthday()), c.address(), c.marketingConsent(),
				c.source(), c.duplicate(), c.mergedIntoId(), c.vehicles().stream().map(CustomerJson::vehicle).toList());
	}

	static VehicleAnswer vehicle(VehicleView v) {
		return new VehicleAnswer(v.id(), v.vin(), v.plate(), v.model(), text(v.purchaseDate()), text(v.deliveryDate()),
				v.sellingDealerCode(), v.insuranceType(), v.modificationNotes(), v.ownerId());
	}

	static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}
}
