package com.kcm.notification;

import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.kcm.dealer.DealerCatalog;
import com.kcm.dealer.DealerSummary;
import com.kcm.major.MajorComplaintFlagged;
import com.kcm.major.MajorNotices;
import com.kcm.major.MajorReportDueSoon;
import com.kcm.major.MajorReportOverdue;

/**
 * Reacts to the major-complaint module's events after commit, like {@link ComplaintNotifications}: the dealer
 * hears that a complaint became major (with the phone-report and written-report deadlines), that the report
 * is due soon, and that it is overdue — the reminders only while the report is still awaited.
 */
@Component
class MajorComplaintNotifications {

	private final MajorNotices majors;
	private final DealerCatalog dealers;
	private final NotificationTexts texts;
	private final SentNotifications sent;
	private final ComplaintNotifications complaints;

	MajorComplaintNotifications(MajorNotices majors, DealerCatalog dealers, NotificationTexts texts,
			SentNotifications sent, ComplaintNotifications complaints) {
		this.majors = majors;
		this.dealers = dealers;
		this.texts = texts;
		this.sent = sent;
		this.complaints = complaints;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MajorComplaintFlagged event) {
		Optional<DealerSummary> dealer = dealers.byId(event.dealerId());
		if (dealer.isEmpty()) {
			return;
		}
		Object[] args = { String.valueOf(event.complaintId()), event.customerName(), dealer.get().label(),
				NotificationTexts.time(event.phoneReportDueAt()), NotificationTexts.time(event.reportDueAt()),
				texts.link(MajorNotices.path(event.majorId())) };
		sent.deliverAll(complaints.toDealer(dealer.get(), "MAJOR_FLAGGED|m:" + event.majorId(), "MAJOR_FLAGGED",
				event.complaintId(), null, "notification.major.flagged", args));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MajorReportDueSoon event) {
		reminder("MAJOR_DUE_SOON", "notification.major.dueSoon", event.majorId(), event.complaintId(),
				event.dealerId(), event.customerName(), event.dueAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MajorReportOverdue event) {
		reminder("MAJOR_OVERDUE", "notification.major.overdue", event.majorId(), event.complaintId(),
				event.dealerId(), event.customerName(), event.dueAt());
	}

	private void reminder(String kind, String code, long majorId, long complaintId, long dealerId, String customer,
			java.time.Instant dueAt) {
		Optional<DealerSummary> dealer = dealers.byId(dealerId);
		if (dealer.isEmpty() || !majors.reportPending(majorId)) {
			return; // submitted meanwhile
		}
		Object[] args = { String.valueOf(complaintId), customer, dealer.get().label(), NotificationTexts.time(dueAt),
				texts.link(MajorNotices.path(majorId)) };
		sent.deliverAll(complaints.toDealer(dealer.get(), kind + "|m:" + majorId + "|" + dueAt.toEpochMilli(), kind,
				complaintId, null, code, args));
	}
}
