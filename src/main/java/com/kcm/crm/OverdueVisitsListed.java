package com.kcm.crm;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly list of an account manager's overdue key-account visits (SPEC §7.3), published once per manager
 * and week (the week's Monday) in the transaction that records it; the notification module e-mails it.
 */
public record OverdueVisitsListed(long managerUserId, LocalDate weekStart, List<Account> accounts) {

	/** One overdue account: never visited when {@code nextDue} is null. */
	public record Account(long customerId, String name, LocalDate lastVisit, LocalDate nextDue) {
	}
}
