package com.kcm.customer;

import java.time.LocalDate;

/**
 * What a user (form, API, import) says about a customer. Codes as text so a wrong one can be named in
 * the error. A phone or ID value containing {@code *} — the masked value shown on an edit form — means
 * "unchanged".
 */
public record CustomerCommand(String name, String phone, String phone2, String idNumber, String kind,
		String customerClass, String classReason, Boolean keyAccount, Long accountManagerUserId,
		String accountManagerName, String occupation, LocalDate birthday, String address, Boolean marketingConsent,
		String source) {
}
