package com.kcm.notification;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.kcm.crm.OverdueVisitsListed;
import com.kcm.identity.Role;
import com.kcm.identity.UserContacts;

/**
 * The weekly overdue-visit list (SPEC §7.3): one e-mail to the account manager per week, listing each overdue
 * key account with its last visit and the date it was due (once per manager and week: the key names both).
 */
@Component
class KeyAccountNotifications {

	private final UserContacts contacts;
	private final NotificationTexts texts;
	private final SentNotifications sent;

	KeyAccountNotifications(UserContacts contacts, NotificationTexts texts, SentNotifications sent) {
		this.contacts = contacts;
		this.texts = texts;
		this.sent = sent;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OverdueVisitsListed event) {
		var manager = contacts.withAnyRole(List.of(Role.ACCOUNT_MANAGER, Role.ADMIN, Role.AFTER_SALES_MANAGER)).stream()
				.filter(c -> c.userId() == event.managerUserId()).findFirst();
		if (manager.isEmpty() || manager.get().email() == null || manager.get().email().isBlank()) {
			return;
		}
		String lines = event.accounts().stream()
				.map(a -> texts.text("notification.visits.line", a.name(),
						a.lastVisit() == null ? texts.text("notification.visits.never") : a.lastVisit().toString(),
						a.nextDue() == null ? texts.text("notification.visits.now") : a.nextDue().toString(),
						texts.link("/key-accounts/" + a.customerId())))
				.collect(Collectors.joining("\n"));
		Object[] args = { manager.get().displayName(), event.weekStart().toString(), event.accounts().size(), lines,
				texts.link("/key-accounts") };
		sent.deliverAll(List.of(OutgoingMessage.of("OVERDUE_VISITS|u:" + event.managerUserId() + "|w:" + event.weekStart(),
				"OVERDUE_VISITS", DeliveryChannel.EMAIL, manager.get().email(),
				texts.text("notification.visits.subject", args), texts.text("notification.visits.body", args), null, null)));
	}
}
