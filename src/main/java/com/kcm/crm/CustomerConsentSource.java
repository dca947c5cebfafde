package com.kcm.crm;

import java.time.Instant;
import java.util.List;

/**
 * The consents section of the customer 360° page (SPEC §7.1, §7.5), offered by the module that keeps consents:
 * one line per purpose with its state now (the caller has already checked that the customer is visible), and
 * the path of that module's page where the history is shown and a consent is recorded (its form posts there).
 */
public interface CustomerConsentSource {

	/**
	 * One purpose: its code and label, whether in force now, and the latest record (null fields when none is
	 * recorded: no consent).
	 */
	record ConsentLine(String purpose, String label, boolean inForce, Instant since, String channel, String recordedBy) {
	}

	/** A choice offered by the change form: code and label. */
	record Option(String code, String label) {
	}

	List<ConsentLine> consents(long customerId);

	/** The page of the customer's consents: history and the change form (a GET shows it, a POST records). */
	String path(long customerId);

	List<Option> purposes();

	List<Option> channels();
}
