package com.kcm.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.kcm.identity.Role;
import com.kcm.identity.UserContacts;
import com.kcm.identity.UserContacts.Contact;
import com.kcm.quality.CapaOverdue;
import com.kcm.quality.ReplacementRequestDue;
import com.kcm.quality.SanbaoFlagReached;

/**
 * A 三包 flag turned reached (SPEC §7.8): every after-sales user and manager with an e-mail address hears of it
 * once — the quality module publishes the event once per vehicle and code, and the message key (vehicle, code,
 * recipient) keeps a redelivered event from sending it again.
 */
@Component
class SanbaoNotifications {

	static final EnumSet<Role> ROLES = EnumSet.of(Role.AFTER_SALES, Role.AFTER_SALES_MANAGER);

	private final UserContacts users;
	private final NotificationTexts texts;
	private final SentNotifications sent;

	SanbaoNotifications(UserContacts users, NotificationTexts texts, SentNotifications sent) {
		this.users = users;
		this.texts = texts;
		this.sent = sent;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SanbaoFlagReached event) {
		Object[] args = { event.vin(), texts.text("quality.flag." + event.code()), String.valueOf(event.figure()),
				String.valueOf(event.threshold()), event.article(), event.detail() == null ? "—" : event.detail(),
				NotificationTexts.time(event.at()), texts.link("/quality/vehicles/" + event.vin()) };
		String subject = texts.text("notification.sanbao.reached.subject", args);
		String body = texts.text("notification.sanbao.reached.body", args);
		List<OutgoingMessage> out = new ArrayList<>();
		for (Contact u : users.withAnyRole(ROLES)) {
			if (u.email() != null && !u.email().isBlank()) {
				out.add(OutgoingMessage.of("SANBAO_REACHED|v:" + event.vehicleId() + "|" + event.code(), "SANBAO_REACHED",
						DeliveryChannel.EMAIL, u.email(), subject, body, null, null));
			}
		}
		sent.deliverAll(out);
	}

	/** An Art. 28 deadline near or passed: after-sales hears of it once per request, deadline and alert. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReplacementRequestDue event) {
		Object[] args = { String.valueOf(event.complaintId()), texts.text("quality.request.kind." + event.kind()),
				texts.text(event.overdue() ? "notification.sanbao.request.overdue" : "notification.sanbao.request.soon"),
				texts.text("notification.sanbao.request." + event.deadline()), NotificationTexts.time(event.dueAt()),
				texts.complaintLink(event.complaintId()) };
		String subject = texts.text("notification.sanbao.request.subject", args);
		String body = texts.text("notification.sanbao.request.body", args);
		String kind = event.overdue() ? "SANBAO_REQUEST_OVERDUE" : "SANBAO_REQUEST_DUE_SOON";
		List<OutgoingMessage> out = new ArrayList<>();
		for (Contact u : users.withAnyRole(ROLES)) {
			if (u.email() != null && !u.email().isBlank()) {
				out.add(OutgoingMessage.of(kind + "|r:" + event.requestId() + "|" + event.deadline(), kind,
						DeliveryChannel.EMAIL, u.email(), subject, body, event.complaintId(), null));
			}
		}
		sent.deliverAll(out);
	}

	/** A corrective action passed its due date: its owner is e-mailed once (SPEC §7.7). */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CapaOverdue event) {
		users.byId(event.ownerUserId()).filter(u -> u.email() != null && !u.email().isBlank()).ifPresent(u -> {
			Object[] args = { String.valueOf(event.capaId()), event.title(), event.dueDate().toString(), u.displayName(),
					texts.link("/quality/capas/" + event.capaId()) };
			sent.deliverAll(List.of(OutgoingMessage.of("CAPA_OVERDUE|capa:" + event.capaId(), "CAPA_OVERDUE",
					DeliveryChannel.EMAIL, u.email(), texts.text("notification.capa.overdue.subject", args),
					texts.text("notification.capa.overdue.body", args), null, null)));
		});
	}
}
