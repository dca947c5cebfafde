package com.kcm.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.kcm.assessment.StatementPublished;
import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;

/**
 * A monthly statement published to a dealer: an e-mail to the dealer's contact address and an SMS to its
 * mobile, with the total, the appeal deadline and the link (once per statement, channel and recipient).
 */
@Component
class StatementNotifications {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final DealerCatalog dealers;
	private final NotificationTexts texts;
	private final SentNotifications sent;

	StatementNotifications(DealerCatalog dealers, NotificationTexts texts, SentNotifications sent) {
		this.dealers = dealers;
		this.texts = texts;
		this.sent = sent;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(StatementPublished event) {
		Optional<DealerSummary> found = dealers.byId(event.dealerId());
		if (found.isEmpty()) {
			return;
		}
		DealerSummary dealer = found.get();
		Object[] args = { event.month(), dealer.label(), String.valueOf(event.revision()),
				event.total().toPlainString(), NotificationTexts.time(event.appealDueAt()),
				texts.link("/statements/" + event.statementId()) };
		String what = "STATEMENT_PUBLISHED|st:" + event.statementId();
		List<OutgoingMessage> out = new ArrayList<>();
		if (dealer.contactEmail() != null && !dealer.contactEmail().isBlank()) {
			out.add(OutgoingMessage.of(what, "STATEMENT_PUBLISHED", DeliveryChannel.EMAIL, dealer.contactEmail(),
					texts.text("notification.statement.subject", args), texts.text("notification.statement.body", args),
					null, null));
		}
		String phone = dealer.contactPhone() == null ? null : dealer.contactPhone().replaceAll("[\\s-]", "");
		if (phone != null && phone.startsWith("+86")) {
			phone = phone.substring(3);
		}
		if (phone != null && MOBILE.matcher(phone).matches()) {
			out.add(OutgoingMessage.of(what, "STATEMENT_PUBLISHED", DeliveryChannel.SMS, phone, null,
					texts.text("notification.statement.sms", args), null, null));
		}
		sent.deliverAll(out);
	}
}
