package com.kcm.customer;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer as other modules, pages, the API and exports see it: {@code phone}, {@code phone2} and
 * {@code idNumber} are masked ({@code 138****5678}) unless {@code revealed} (a permitted, audited reveal).
 * {@code duplicate}: another active customer has the same phone. {@code customerClass} is the class set by
 * hand (with {@code classReason}), {@code computedClass} the one the policy rule gives.
 */
public record CustomerView(long id, String name, String phone, String phone2, String idNumber, boolean revealed,
		CustomerKind kind, CustomerClass customerClass, String classReason, boolean keyAccount,
		Long accountManagerUserId, String accountManagerName, String occupation, LocalDate birthday, String address,
		boolean marketingConsent, String source, Long mergedIntoId, boolean duplicate, List<VehicleView> vehicles,
		CustomerClass computedClass) {

	/** The class in force: set by hand ({@code customerClass}) or else computed by the policy rule. */
	public CustomerClass effectiveClass() {
		return customerClass != null ? customerClass : computedClass != null ? computedClass : CustomerClass.C;
	}


	public boolean merged() {
		return mergedIntoId != null;
	}
}
